# expect: it waited for the stop: returned before the stop was set
import queue


def consumer(jobs, stop, done):
    while True:
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:  # a quiet queue taken for "no more jobs": stop is never read
            return
        done(job)
