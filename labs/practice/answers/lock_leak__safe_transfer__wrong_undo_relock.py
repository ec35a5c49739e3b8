# expect: took `lock` again after its debit let it go
def transfer(bank, lock, src, dst, amount):
    failed = None
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen as e:
            failed = e
    if failed is not None:
        with lock:  # the undo under the lock again, but the lock was let go in between
            bank.credit(src, amount)
        raise failed
