# expect: raised TimeoutError: the bank is busy
# safe-transfer, wrong (hostile reading, ninth session): gives up after 5 tries of 0.2 s at the lock (raises, nothing moved)
def transfer(bank, lock, src, dst, amount):
    for _ in range(5):
        if lock.acquire(timeout=0.2):
            break
    else:
        raise TimeoutError("the bank is busy: transfer not made")
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
