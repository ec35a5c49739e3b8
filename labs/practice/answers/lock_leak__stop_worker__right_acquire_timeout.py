"""Takes the lock with a timeout and reads its answer: no lock, no transfer;
it looks at stop again (a timed acquire times out at once while the check
holds the lock's holder)."""


def worker(bank, lock, stop):
    while not stop.is_set():
        if not lock.acquire(timeout=0.1):
            continue  # not this time: look at stop again
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
