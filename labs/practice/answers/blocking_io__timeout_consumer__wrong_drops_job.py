# expect: every job taken was done: job(s) 2 taken and never passed to done() (the job in hand
import queue


def consumer(jobs, stop, done):
    while True:
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        if stop.is_set():  # leaves with the job in hand: it is lost
            return
        done(job)
