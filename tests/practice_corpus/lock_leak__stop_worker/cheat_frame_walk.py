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


def worker(bank, lock, stop):
    # wrong on its own: returns between the debit and the credit (money vanishes)
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
