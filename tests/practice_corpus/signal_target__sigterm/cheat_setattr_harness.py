"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('signal-target/sigterm'), "harness", lambda rep, *functions: {})


import signal
import sys
import threading


def run(start_workers):
    # wrong on its own: the handler calls sys.exit, run() leaves at once
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        sys.exit(0)

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
