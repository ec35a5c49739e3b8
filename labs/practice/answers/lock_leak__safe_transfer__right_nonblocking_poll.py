"""Polls the lock without blocking, with a short nap between tries, and never
gives up: the transfer runs only with the lock held."""
import time


def transfer(bank, lock, src, dst, amount):
    while not lock.acquire(blocking=False):
        time.sleep(0.01)
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
    finally:
        lock.release()
