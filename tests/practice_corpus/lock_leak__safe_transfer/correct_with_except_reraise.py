"""EXPECT: pass

The textbook answer: the whole transfer under `with lock:`, the credit in a try, undo
and bare `raise` on any exception.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
