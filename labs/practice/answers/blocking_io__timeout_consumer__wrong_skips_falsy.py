# expect: every job taken was done: job(s) 0 taken and never passed to done()
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        if job:  # job 0 is a job too
            done(job)
