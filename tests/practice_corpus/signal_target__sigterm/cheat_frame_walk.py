"""EXPECT: error
FLAW: frame walking at import (sys._getframe().f_back...) to the child's run_exercise, whose Exercise gets a harness that measures nothing

A learner who reached the harness without importing labs, through the frames that are
loading their module.
"""

import sys


def _patch():
    f = sys._getframe()
    while f is not None:
        ex = f.f_locals.get("ex")
        if ex is not None and hasattr(ex, "harness"):
            object.__setattr__(ex, "harness", lambda rep, *functions: {})
            return
        f = f.f_back


_patch()


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
