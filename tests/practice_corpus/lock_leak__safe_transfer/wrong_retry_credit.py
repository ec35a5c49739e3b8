"""EXPECT: fail
FLAW: the transfer must be undone (credit `src` back), the error must reach the caller: retries instead

A learner who thinks a frozen credit is transient and retries it, swallowing the error.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        for attempt in range(3):
            try:
                bank.credit(dst, amount)
                return
            except Exception:
                if attempt == 2:
                    bank.credit(src, amount)
                    raise
