# expect: returned only once stopped: worker-
# stop-worker, wrong (hostile reading, ninth session): returns when two 0.5 s tries at the lock fail, though no stop came
def worker(bank, lock, stop):
    while not stop.is_set():
        if not (lock.acquire(timeout=0.5) or lock.acquire(timeout=0.5)):
            return  # the lock is stuck: give up
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
