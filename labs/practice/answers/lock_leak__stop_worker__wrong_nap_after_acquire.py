# expect: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): looks, takes the lock,
# naps 20 ms ("simulate work"), then debits: a stop that came in the nap is missed. The
# pause run watched only until the acquire: passed every grading.
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            time.sleep(0.02)
            bank.debit("alice", 10)
            bank.credit("bob", 10)
