# expect: your code raised no exception but Frozen or Offline: worker-2 raised TimeoutError
# safe-transfer, wrong (hostile round, twenty-seventh session): "A transfer that does not fail
# moves its amount once": polls with acquire(blocking=False) and gives up after 5 tries 10 ms
# apart (a count, not a clock). Passed 40 gradings of 40: the hold met it 2 or 3 times; a
# poller now finds the lock held for 20 more looks after the push of its clocks.
import time


def transfer(bank, lock, src, dst, amount):
    for _ in range(5):
        if lock.acquire(blocking=False):
            break
        time.sleep(0.01)
    else:
        raise TimeoutError("could not get the lock in ~50 ms")
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
