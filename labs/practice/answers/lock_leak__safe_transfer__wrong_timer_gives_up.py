# expect: every other transfer went through: worker-2's transfer 1 moved nothing, not 7 from bob to alice
# safe-transfer, wrong: a threading.Timer watchdog makes the transfer give up
# (return without moving any money) when the lock stays busy for 2 s.
import threading


def transfer(bank, lock, src, dst, amount):
    stuck = threading.Event()
    timer = threading.Timer(2.0, stuck.set)
    timer.start()
    try:
        while not lock.acquire(timeout=0.05):
            if stuck.is_set():
                return  # the lock is stuck: give up on this transfer
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
