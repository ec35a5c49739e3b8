"""EXPECT: error
FLAW: labs.procfs patched so that the kernel's count of wake-ups reads 0

A learner who polls with a 1 ms timeout and hides the wake-ups from the check that
counts them.
"""

from labs import procfs

procfs.context_switches = lambda tid, voluntary_only=False: 0


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
