# expect: no job taken after the stop: job(s) 3, 4 taken after the stop was set
import queue


def consumer(jobs, stop, done):
    # finish what is queued, then look at stop when the queue is empty
    while True:
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        done(job)
