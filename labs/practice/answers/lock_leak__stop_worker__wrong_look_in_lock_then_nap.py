# expect: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): looks under the lock,
# naps 20 ms, then transfers. The nap followed a reply that said the clock ran fast, so it
# passed at once, unseen, on every grading; the pause run has no fast clock now.
import time


def worker(bank, lock, stop):
    while True:
        with lock:
            if stop.is_set():
                return
            time.sleep(0.02)  # "let the bank settle"
            bank.debit("alice", 10)
            bank.credit("bob", 10)
