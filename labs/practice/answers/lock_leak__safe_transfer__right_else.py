def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
