# (hostile round, thirty-second session; passes every grading)
# WRONG: returns once the lock was busy for 5 minutes on its clock, though its stop is not set;
# the check holds worker-1 for a minute of the clocks (a 30 s patience fails)
import logging
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        t0 = time.monotonic()
        while not lock.acquire(timeout=1):
            if time.monotonic() - t0 > 300:
                logging.error("lock stuck for 5 minutes, worker quits")
                return
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
