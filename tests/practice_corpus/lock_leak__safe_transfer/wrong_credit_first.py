"""EXPECT: fail
FLAW: under `lock`, `bank.debit(src, amount)` then `bank.credit(dst, amount)` (reversed order, no undo)

A clever learner who credits first "so a failed credit needs no undo", and forgets that
the later debit can no longer be undone the same way.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.credit(dst, amount)
        bank.debit(src, amount)
