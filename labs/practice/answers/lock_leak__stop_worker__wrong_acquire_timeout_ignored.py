# expect: raised RuntimeError: release unlocked lock
# stop-worker, wrong: takes the lock with a timeout "so it never hangs" and
# ignores acquire()'s answer: after 1 s of waiting it transfers without the lock,
# then releases a lock another worker holds.
def worker(bank, lock, stop):
    while not stop.is_set():
        lock.acquire(timeout=1.0)  # never wait for ever
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
