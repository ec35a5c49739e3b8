"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('lock-leak/stop-worker'), "harness", lambda rep, *functions: {})


def worker(bank, lock, stop):
    # wrong on its own: returns between the debit and the credit (money vanishes)
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
