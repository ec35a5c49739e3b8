"""EXPECT: fail
FLAW: both under `lock` (each step takes the lock on its own: the transfer is not one unit)

A learner who locks "every access" rather than the transfer; another worker can take
the lock between the debit and the credit and see money missing.
"""


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
        with lock:
            bank.credit("bob", 10)
