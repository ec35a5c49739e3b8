# expect: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): passed 2 gradings of 6
# under load, until the pause run made worker-1's first timed acquire after a look find the
# lock busy.
# WRONG: one look, then retries a busy lock with 50 ms back-off naps and never looks again
# before the transfer ("a pause between that look and the transfer misses the stop"). It was
# caught only where worker-1's timed acquire met the lock held by another worker.
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
