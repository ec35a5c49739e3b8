"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

def worker(bank, lock, stop):
    # wrong on its own: returns between the debit and the credit (money vanishes)
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
