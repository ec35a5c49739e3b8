# expect: returned only once stopped: worker-
# lock-leak/stop-worker, wrong: gives up (returns, stop not set) after 5 s without getting the lock, timed on CLOCK_REALTIME_COARSE (clock id 5)
import time


def now():
    return time.clock_gettime(5)  # CLOCK_REALTIME_COARSE


def worker(bank, lock, stop):
    while not stop.is_set():
        since = now()
        while not lock.acquire(timeout=0.1):
            if stop.is_set():
                return
            if now() - since > 5.0:
                return  # the lock is stuck: give up
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
