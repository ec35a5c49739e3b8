"""EXPECT: fail
FLAW: call `done(job)` for each (the job in hand when the stop comes is dropped)

A learner who checks the flag right after get() and leaves at once.
"""
import queue


def consumer(jobs, stop, done):
    while True:
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        if stop.is_set():
            return
        done(job)
