"""EXPECT: fail
FLAW: under `lock` (no lock: the undo is right, the exclusion is missing)

A learner focused on the undo who drops the lock "since the GIL protects it".
"""


def transfer(bank, lock, src, dst, amount):
    bank.debit(src, amount)
    try:
        bank.credit(dst, amount)
    except BaseException:
        bank.credit(src, amount)
        raise
