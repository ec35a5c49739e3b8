"""EXPECT: fail
FLAW: under `lock` (a new Lock per call excludes nobody)

A learner who creates the lock they were told to use.
"""
import threading


def transfer(bank, lock, src, dst, amount):
    with threading.Lock():
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
