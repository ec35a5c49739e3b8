# expect: took `lock` again after its debit let it go
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
    try:
        with lock:  # a lock per step: the other worker can run in between
            bank.credit(dst, amount)
    except bank.Frozen:
        with lock:
            bank.credit(src, amount)
        raise
