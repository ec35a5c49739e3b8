"""EXPECT: fail
FLAW: the lock must be free for the other worker (acquire/release without finally)

A learner who undoes and re-raises but forgot that `raise` skips the release below.
"""


def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    bank.debit(src, amount)
    try:
        bank.credit(dst, amount)
    except BaseException:
        bank.credit(src, amount)
        raise
    lock.release()
