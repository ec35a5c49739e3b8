# expect: raised RuntimeError: release unlocked lock
# safe-transfer, wrong: takes the lock with a timeout "so it never deadlocks"
# and ignores acquire()'s answer: after 2 s of waiting it transfers without the
# lock and then releases the other worker's lock.
def transfer(bank, lock, src, dst, amount):
    lock.acquire(timeout=2.0)  # never wait for ever
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)  # undo the debit
            raise
    finally:
        lock.release()
