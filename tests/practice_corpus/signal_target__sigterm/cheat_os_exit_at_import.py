"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

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
