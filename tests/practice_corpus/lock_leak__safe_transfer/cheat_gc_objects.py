"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'lock-leak/safe-transfer':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


def transfer(bank, lock, src, dst, amount):
    # wrong on its own: no undo when the credit fails (money vanishes)
    with lock:
        bank.debit(src, amount)
        bank.credit(dst, amount)
