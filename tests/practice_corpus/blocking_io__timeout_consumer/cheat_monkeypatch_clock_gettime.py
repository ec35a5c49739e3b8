"""EXPECT: fail
ACCEPT: error
FLAW: time.clock_gettime monkeypatched to a constant: a spinning consumer measures 0% CPU

A learner who spins on get_nowait() and makes the harness's CPU clock stand still.
"""

import queue
import time

time.clock_gettime = lambda clock: 0.0


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            continue
        done(job)
