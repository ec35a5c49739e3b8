"""EXPECT: fail
FLAW: wake up at most 100 times a second while idle (a 1 ms timeout)

A learner who wants the fastest possible stop.
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
