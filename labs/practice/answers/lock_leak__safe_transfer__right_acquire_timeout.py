"""Takes the lock with a timeout, reads its answer and tries again: the
transfer runs only with the lock held."""


def transfer(bank, lock, src, dst, amount):
    while not lock.acquire(timeout=0.5):
        pass  # try again
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
