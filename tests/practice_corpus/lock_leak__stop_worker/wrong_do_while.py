"""EXPECT: fail
FLAW: until `stop` is set (a do-while: one transfer after a stop set before it started)

A learner who checks the flag at the bottom of the loop, "after the work".
"""


def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        if stop.is_set():
            return
