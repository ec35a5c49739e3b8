"""EXPECT: fail
FLAW: It must stop within 250 ms (a 1 s timeout)

A learner who wants the fewest wake-ups.
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=1.0)
        except queue.Empty:
            continue
        done(job)
