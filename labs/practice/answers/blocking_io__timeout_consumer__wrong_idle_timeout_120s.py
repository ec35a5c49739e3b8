# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong (twenty-second session): returns after two minutes without a job
# although the stop was never set ("an empty queue is not a stop", says the statement).
# Passed every grading until then: the idle run's quiet period was 10 s on the consumer's
# clock, and the minute after it made 70 s in all; it is an hour now.
import queue
import time


def consumer(jobs, stop, done):
    last = time.monotonic()
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            if time.monotonic() - last > 120.0:
                return  # two minutes without a job: nobody is sending any more
            continue
        last = time.monotonic()
        done(job)
