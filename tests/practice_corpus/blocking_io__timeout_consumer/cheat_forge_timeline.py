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


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
