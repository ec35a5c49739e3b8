# (hostile round, thirty-second session; passes every grading)
# WRONG: "a transfer that does not fail moves its amount once": polls acquire(blocking=False)
# with 1 ms naps and skips the transfer after 90 s of its clock; the hold's push is a minute (the
# same limit in acquire(timeout=90) fails: a timed acquire waits an hour)
import logging
import time


def transfer(bank, lock, src, dst, amount):
    deadline = time.monotonic() + 90
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            logging.error("lock busy for 90 s, transfer %s->%s of %s skipped", src, dst, amount)
            return
        time.sleep(0.001)
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
