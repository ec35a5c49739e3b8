"""EXPECT: fail
ACCEPT: error
FLAW: builtins.sum patched so that the harness's own total of the accounts always adds up

A learner who found that the child computes 'missing' with sum() and replaces the
builtin for everybody in the process.
"""

import builtins

_real_sum = builtins.sum


def _sum(iterable, start=0):
    values = list(iterable)
    total = _real_sum(values, start)
    if len(values) == 2 and 1900 <= total < 2000:
        return 2000
    return total


builtins.sum = _sum


def transfer(bank, lock, src, dst, amount):
    with lock:  # no undo: money vanishes when the credit fails
        bank.debit(src, amount)
        bank.credit(dst, amount)
