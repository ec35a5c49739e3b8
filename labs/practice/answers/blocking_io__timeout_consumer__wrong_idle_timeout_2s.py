# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong: returns after 2 s without a job although the stop was
# never set ("an empty queue is not a stop", says the statement).
import queue
import time


def consumer(jobs, stop, done):
    last = time.monotonic()
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            if time.monotonic() - last > 2.0:
                return  # two seconds without a job: nobody is sending any more
            continue
        last = time.monotonic()
        done(job)
