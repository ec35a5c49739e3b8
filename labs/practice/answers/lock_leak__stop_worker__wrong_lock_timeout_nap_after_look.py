# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (thirty-third session; failed 8 gradings of 8 under load by the
# kernel samples alone; since, a timed acquire of a lock of its own is told: wire.Clock._own_locks).
# Violates "a pause between that look and the transfer misses the stop": 1 ms timed acquires of
# a lock it holds
import threading

_held = threading.Lock()
_held.acquire()
def worker(bank, lock, stop):
    while not stop.is_set():
        _held.acquire(timeout=0.001)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
