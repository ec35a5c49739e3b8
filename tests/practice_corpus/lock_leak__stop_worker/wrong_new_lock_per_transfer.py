"""EXPECT: fail
FLAW: both under `lock` (a new threading.Lock() per transfer excludes nobody)

A learner who read "use a lock" but did not notice the `lock` argument creates one.
"""
import threading


def worker(bank, lock, stop):
    while not stop.is_set():
        with threading.Lock():
            bank.debit("alice", 10)
            bank.credit("bob", 10)
