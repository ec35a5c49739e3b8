"""EXPECT: pass

The textbook answer: check the flag between transfers, do each transfer whole under
`with lock:`.
"""


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
