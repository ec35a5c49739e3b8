"""EXPECT: fail
FLAW: A stop must never cut a transfer (returns between debit and credit)

A learner who wants the fastest stop and checks the flag at every step.
"""


def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
