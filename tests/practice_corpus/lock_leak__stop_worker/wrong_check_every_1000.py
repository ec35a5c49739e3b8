"""EXPECT: fail
FLAW: until `stop` is set (stop looked at only every 1000th transfer)

A learner who thinks `is_set()` is expensive and checks it in batches.
"""


def worker(bank, lock, stop):
    n = 0
    while True:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        n += 1
        if n % 1000 == 0 and stop.is_set():
            return
