# expect: set `stop` itself: only the check sets it
# stop-worker, cheat (sixth hostile reading): when the lock stays busy for 3 s it sets the
# grader's stop itself and returns - violates "It repeats transfers ... until `stop` ... is
# set" / "no worker returns while the bank holds worker-1 and the stop is not set" (it sets
# the stop to dodge that rule).
import time

def worker(bank, lock, stop):
    while not stop.is_set():
        busy_since = time.monotonic()
        while not lock.acquire(timeout=0.5):
            if stop.is_set():
                return
            if time.monotonic() - busy_since > 3:
                stop.set()  # lock looks stuck: stop everyone
                return
        try:
            if stop.is_set():
                return
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
