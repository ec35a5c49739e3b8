# expect: the lock held around every debit and credit: worker-
def transfer(bank, lock, src, dst, amount):
    bank.debit(src, amount)  # outside the lock: the other worker can run in between
    with lock:
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
