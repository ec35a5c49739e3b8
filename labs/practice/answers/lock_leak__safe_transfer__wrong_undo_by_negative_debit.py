# expect: raised ValueError: amount must be positive
# safe-transfer, wrong (fifth hostile reading, eleventh session): undoes with
# bank.debit(src, -amount) instead of crediting src back.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.debit(src, -amount)
            raise
