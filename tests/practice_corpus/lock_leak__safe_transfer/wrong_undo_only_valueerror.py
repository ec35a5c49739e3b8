"""EXPECT: fail
FLAW: Then the transfer must be undone: only ValueError is caught, the bank's Frozen is not

A learner who guesses the exception type instead of reading which one the bank raises.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except ValueError:
            bank.credit(src, amount)
            raise
