# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong: get_nowait + stop.wait(0.05) naps; returns after 1 s without a job
import queue
import time


def consumer(jobs, stop, done):
    last = time.monotonic()
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            if time.monotonic() - last > 1.0:
                return  # a second without a job: nobody is sending any more
            stop.wait(0.05)
            continue
        last = time.monotonic()
        done(job)
