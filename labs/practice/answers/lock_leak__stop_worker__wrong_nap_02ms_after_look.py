# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, thirty-second session; the sampler caught it in 2
# pause runs of 8 until the pause run sent time.sleep to the grader: LookNap). Violates "a pause
# between that look and the transfer misses the stop": a 0.2 ms nap there
import time
def worker(bank, lock, stop):
    while not stop.is_set():
        time.sleep(0.0002)  # be nice to the other workers
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
