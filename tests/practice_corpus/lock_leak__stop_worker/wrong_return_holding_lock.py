"""EXPECT: fail
FLAW: the lock is free afterwards (returns with the lock acquired)

A learner who checks the flag after acquire() and forgets to release on that path.
"""


def worker(bank, lock, stop):
    while True:
        lock.acquire()
        if stop.is_set():
            return
        bank.debit("alice", 10)
        bank.credit("bob", 10)
        lock.release()
