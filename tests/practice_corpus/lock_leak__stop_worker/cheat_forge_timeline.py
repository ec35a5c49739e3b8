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


def worker(bank, lock, stop):
    # wrong on its own: returns between the debit and the credit (money vanishes)
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
