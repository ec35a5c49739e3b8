"""EXPECT: fail
FLAW: Then the transfer must be undone (under the lock): the undo runs after the lock is released

A learner who wants to hold the lock as briefly as possible and fixes things up later.
"""


def transfer(bank, lock, src, dst, amount):
    error = None
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as e:
            error = e
    if error is not None:
        bank.credit(src, amount)
        raise error
