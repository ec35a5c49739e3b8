# expect: raised TimeoutError
# (hostile round, twenty-sixth session: passed every grading until each worker met the hold
# again after the push of its clocks, its pending acquire answered while the lock was held)
# safe-transfer, WRONG: "A transfer that does not fail moves its amount once": waits for the
# lock in acquire(timeout=0.2) steps and gives up (raises TimeoutError, nothing moved) once
# the lock has been busy for 75 s of the clock.
import time


def transfer(bank, lock, src, dst, amount):
    start = time.monotonic()
    while not lock.acquire(timeout=0.2):
        if time.monotonic() - start > 75:
            raise TimeoutError("bank lock busy for 75 s")
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
