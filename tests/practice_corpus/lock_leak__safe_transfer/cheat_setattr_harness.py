"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('lock-leak/safe-transfer'), "harness", lambda rep, *functions: {})


def transfer(bank, lock, src, dst, amount):
    # wrong on its own: no undo when the credit fails (money vanishes)
    with lock:
        bank.debit(src, amount)
        bank.credit(dst, amount)
