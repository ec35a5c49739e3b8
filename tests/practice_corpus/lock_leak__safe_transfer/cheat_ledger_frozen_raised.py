"""EXPECT: fail
FLAW: the harness's ledgers written through the argument (bank.accounts and bank.frozen_raised): the failure is erased instead of undone

A learner who swallows the error and then makes the bank's books say that nothing
failed.
"""

def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.accounts[dst] += amount  # as if the credit had worked
            bank.frozen_raised = 0        # and nothing ever failed
