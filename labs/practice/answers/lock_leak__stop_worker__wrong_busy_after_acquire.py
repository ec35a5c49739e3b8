# expect: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): looks, takes the lock,
# computes 20 ms of CPU, then debits. Passed every grading while the pause run watched only
# until the acquire.
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            end = time.thread_time() + 0.02
            while time.thread_time() < end:
                pass
            bank.debit("alice", 10)
            bank.credit("bob", 10)
