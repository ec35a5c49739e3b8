# expect: (the lock is held by worker-
def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    bank.debit(src, amount)
    bank.credit(dst, amount)  # raises: release() never runs
    lock.release()
