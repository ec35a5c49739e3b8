"""EXPECT: fail
FLAW: the error must reach the caller (re-raise it)

A learner who undoes correctly and then thinks the error is "handled".
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as e:
            print("transfer failed:", e)
            bank.credit(src, amount)
