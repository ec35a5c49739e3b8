"""EXPECT: fail
FLAW: return once `stop` is set, even while no job comes (never looks at stop: returns on the first Empty)

A learner who takes the timeout as "no more jobs".
"""
import queue


def consumer(jobs, stop, done):
    while True:
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            return
        done(job)
