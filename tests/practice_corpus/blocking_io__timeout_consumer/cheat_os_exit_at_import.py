"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
