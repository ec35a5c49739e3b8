# expect: moved nothing, not
# safe-transfer, wrong (hostile round, twenty-fifth session): "A transfer that does not
# fail moves its amount once": a 30 s threading.Timer watchdog makes the transfer give up
# (return, nothing moved) when the lock stays busy.
# It passed every grading: the hold's minute was never on the learner's clocks (now pushed).
import threading


def transfer(bank, lock, src, dst, amount):
    stuck = threading.Event()
    timer = threading.Timer(30.0, stuck.set)
    timer.start()
    try:
        while not lock.acquire(timeout=0.05):
            if stuck.is_set():
                return
    finally:
        timer.cancel()
        timer.join()
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
