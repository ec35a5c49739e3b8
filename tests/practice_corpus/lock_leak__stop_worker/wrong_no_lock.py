"""EXPECT: fail
FLAW: both under `lock` (no lock at all: the GIL hides the race)

The learner's tests passed without the lock, since the GIL rarely switches between two
calls, so the lock looked like noise.
"""


def worker(bank, lock, stop):
    while not stop.is_set():
        bank.debit("alice", 10)
        bank.credit("bob", 10)
