"""Polls the lock without blocking and naps on an Event of its own between
tries (right-answer round, twenty-sixth session: 22 s a check until a try that
met the held lock counted as meeting it)."""
import threading


def transfer(bank, lock, src, dst, amount):
    nap = threading.Event()
    while not lock.acquire(False):
        nap.wait(0.05)
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
