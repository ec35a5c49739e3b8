"""EXPECT: error
FLAW: forged rep / rep-facts / practice-done events written through labs.timeline, then os._exit(0) at import

A learner who read labs/practice/child.py sees that the verdict is whatever the child
reports, and reports a pass.
"""

import os

from labs import child, timeline

_runs = int((child.payload() or {}).get("runs", 10))
for _n in range(1, _runs + 1):
    timeline.event("rep", n=_n, mode="midway")
    timeline.event("rep-facts", n=_n, facts={"mode": "midway", "errors": [], "stuck": {}})
timeline.event("practice-done", runs_done=_runs)
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
