# lock-leak/stop-worker, right (hostile round, twenty-fourth session): paces its transfers
# 10 ms apart on a schedule, waiting on the stop for the time left; once behind schedule
# the time left is negative, and Event.wait returns at once for it, as CPython's does (the
# check raised ValueError there until then).
import time


def worker(bank, lock, stop):
    next_t = time.monotonic()
    while not stop.wait(next_t - time.monotonic()):
        next_t += 0.01
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
