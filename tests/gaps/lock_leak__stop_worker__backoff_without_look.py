# (hostile round, twenty-fourth session; passes some gradings: 2 of 6 under load)
# WRONG: one look, then retries a busy lock with 50 ms back-off naps and never looks again
# before the transfer ("a pause between that look and the transfer misses the stop"). Caught
# only where worker-1's timed acquire meets the lock held by another worker in the pause run.
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        while not lock.acquire(timeout=0.001):
            time.sleep(0.05)  # back off
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
