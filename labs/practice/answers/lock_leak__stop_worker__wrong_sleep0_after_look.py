# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, thirty-second session; passed every grading until
# the pause run sent time.sleep to the grader: LookNap). Violates "a pause between that look and
# the transfer misses the stop": time.sleep(0) yields to the other threads there
import time
def worker(bank, lock, stop):
    while not stop.is_set():
        time.sleep(0)  # yield to the other workers
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
