# expect: still running at the end of the run: worker-1, worker-2 (the lock is held by worker-
def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    bank.debit(src, amount)
    bank.credit(dst, amount)  # raises: release() never runs
    lock.release()
