# (hostile round, twenty-seventh session; see tests/gaps/README.md)
# lock-leak/safe-transfer, wrong: polls with acquire(blocking=False) and 10 ms naps, gives up
# after 100 tries (a count): the hold gives a poller 20 looks after the push of its clocks.
import time


def transfer(bank, lock, src, dst, amount):
    for _ in range(100):
        if lock.acquire(blocking=False):
            break
        time.sleep(0.01)
    else:
        raise TimeoutError("could not get the lock in ~1 s")
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
