"""EXPECT: fail
FLAW: Then the transfer must be undone (credit `src` back): also debits dst, which was never credited

A learner who undoes "both steps" mechanically, though the failed credit never happened.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.debit(dst, amount)
            bank.credit(src, amount)
            raise
