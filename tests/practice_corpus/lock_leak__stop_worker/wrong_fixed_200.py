"""EXPECT: fail
FLAW: until `stop` (a `threading.Event`) is set; then it returns (200 transfers, stop ignored)

A learner who tested with a fixed amount of work and forgot the flag.
"""


def worker(bank, lock, stop):
    for _ in range(200):
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
