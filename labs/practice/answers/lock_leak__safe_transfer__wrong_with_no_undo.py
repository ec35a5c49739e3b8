# expect: the failed transfer was undone: worker-
def transfer(bank, lock, src, dst, amount):
    with lock:  # frees the lock, not the data
        bank.debit(src, amount)
        bank.credit(dst, amount)
