# expect: stopped in time: returned
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.5)  # sees the stop up to half a second late
        except queue.Empty:
            continue
        done(job)
