"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'signal-target/sigterm':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


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
