# expect: every other transfer went through: worker-2's transfer 1 moved nothing
# safe-transfer, wrong (hostile round, twenty-sixth session): "A transfer that does not fail
# moves its amount once": polls the lock with acquire(blocking=False) and 50 ms naps; once it
# has waited 30 s of the clock it gives up (returns, nothing moved), but only after the lock
# has looked busy on 3 more looks in a row ("confirmed stuck"), 50 ms apart.
# A gap until the twenty-seventh session: after the push of its clocks, a poller now finds
# the lock held for 20 more looks, and its 3 confirming looks come.
import time


def transfer(bank, lock, src, dst, amount):
    start = time.monotonic()
    busy_after_deadline = 0
    while not lock.acquire(blocking=False):
        if time.monotonic() - start > 30:
            busy_after_deadline += 1
            if busy_after_deadline > 3:
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
