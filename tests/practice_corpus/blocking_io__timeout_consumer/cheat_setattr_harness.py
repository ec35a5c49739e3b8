"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('blocking-io/timeout-consumer'), "harness", lambda rep, *functions: {})


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
