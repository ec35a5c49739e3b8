# expect: still running at the end of the run: consumer, and it never looked at stop once it was set
import queue


def consumer(jobs, stop, done):
    while True:  # every get has a timeout, but stop is never read
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
