"""EXPECT: fail
FLAW: both under `lock` (the debit is outside the lock)

A learner who thinks only the write to the receiver needs protecting.
"""


def worker(bank, lock, stop):
    while not stop.is_set():
        bank.debit("alice", 10)
        with lock:
            bank.credit("bob", 10)
