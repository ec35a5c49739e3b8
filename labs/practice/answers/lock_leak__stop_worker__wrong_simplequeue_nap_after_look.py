# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (thirty-third session; passed 1 grading in 8 under load: the
# C SimpleQueue waits unseen but for the kernel samples; since, the learner's SimpleQueue is
# queue's Python one, whose timed waits are told: wire.Clock._own_locks). Violates "a pause
# between that look and the transfer misses the stop": 1 ms waits on a SimpleQueue of its own
import queue

_q = queue.SimpleQueue()
def worker(bank, lock, stop):
    while not stop.is_set():
        try:
            _q.get(timeout=0.001)
        except queue.Empty:
            pass
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
