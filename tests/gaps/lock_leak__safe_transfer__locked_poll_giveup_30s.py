# (hostile round, twenty-fifth session; passes some runs of its mode: see
# tests/gaps/README.md)
# safe-transfer, wrong (hostile round, twenty-fifth session): "A transfer that does not
# fail moves its amount once": polls lock.locked() with 50 ms naps and gives up (returns,
# nothing moved) once the lock has looked busy for 30 s of the clock.
# Since the hold's minute is pushed on its clocks it fails in runs 4 and 10 of a 10-run
# check, not in runs 1 and 7 (the same every grading: their explored schedules answer its look
# after worker-1's release): a 3-run check passes it.
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
