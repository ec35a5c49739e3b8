# expect: the lock held around every debit and credit: worker-
def transfer(bank, lock, src, dst, amount):
    bank.debit(src, amount)
    try:
        bank.credit(dst, amount)
    except Exception:
        bank.credit(src, amount)
        raise
