"""EXPECT: fail
FLAW: Then the transfer must be undone (only when the credit failed): finally undoes every transfer

A learner who reads "undo in finally" as the safe pattern and forgets the success path.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        finally:
            bank.credit(src, amount)
