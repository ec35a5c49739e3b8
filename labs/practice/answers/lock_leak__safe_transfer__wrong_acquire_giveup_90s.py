# expect: moved nothing, not
# (hostile round, twenty-sixth session: passed every grading until each worker met the hold
# again after the push of its clocks, its pending acquire answered while the lock was held)
# safe-transfer, WRONG: "A transfer that does not fail moves its amount once": waits for the
# lock in acquire(timeout=1) steps and gives up (returns, nothing moved) once the lock has
# been busy for 90 s of the clock. The statement says a held lock costs a minute of timed
# acquires, then a minute more on the clock: two minutes, longer than 90 s.
import time


def transfer(bank, lock, src, dst, amount):
    start = time.monotonic()
    while not lock.acquire(timeout=1):
        if time.monotonic() - start > 90:
            return
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
