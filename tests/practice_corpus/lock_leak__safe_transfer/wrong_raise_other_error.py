"""EXPECT: fail
FLAW: the error must reach the caller (re-raise it): raises a new RuntimeError instead

A learner who wraps the error in a "nicer" one of their own.
"""


class TransferFailed(RuntimeError):
    pass


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as e:
            bank.credit(src, amount)
            raise TransferFailed(f"{src} -> {dst}: {e}") from e
