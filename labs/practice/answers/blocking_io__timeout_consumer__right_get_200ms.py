"""get with a 0.2 s timeout (stop seen within about 200 ms, under the 250 ms allowed)."""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.2)
        except queue.Empty:
            continue
        done(job)
