"""EXPECT: fail
FLAW: call `done(job)` for each (a falsy job, 0 or "", is skipped)

A learner who writes `if job:` to skip "empty" items.
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        if job:
            done(job)
