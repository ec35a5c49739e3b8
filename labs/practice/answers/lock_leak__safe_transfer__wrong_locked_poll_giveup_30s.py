# expect: moved nothing, not
# safe-transfer, wrong (hostile round, twenty-fifth session): "A transfer that does not
# fail moves its amount once": polls lock.locked() with 50 ms naps and gives up (returns,
# nothing moved) once the lock has looked busy for 30 s of the clock.
# A gap until the twenty-sixth session: it failed in the runs whose schedule answered its
# look during the hold, not in those that answered it after the release; each worker now
# meets the hold again after the push (_meet_the_hold).
import time


def transfer(bank, lock, src, dst, amount):
    start = time.monotonic()
    while True:
        if not lock.locked() and lock.acquire(blocking=False):
            break
        if time.monotonic() - start > 30:
            return
        time.sleep(0.05)
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
