"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'blocking-io/timeout-consumer':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
