"""EXPECT: pass

The textbook answer: `get(timeout=0.1)` in a loop on the flag; Empty means "look at the
flag again".
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        done(job)
