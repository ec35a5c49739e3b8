"""EXPECT: pass

`stop.wait(0)` as the loop test (returns the flag at once) and a print at the end to see
that the worker stopped: what a learner debugging by print writes.
"""
import time


def worker(bank, lock, stop):
    n = 0
    started = time.monotonic()
    while not stop.wait(0):
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        n += 1
    print(f"worker stopped after {n} transfers in {time.monotonic() - started:.3f}s")
