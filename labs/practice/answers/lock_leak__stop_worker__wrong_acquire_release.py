# expect: (the lock is held by worker-
def worker(bank, lock, stop):
    while True:
        lock.acquire()
        bank.debit("alice", 10)
        if stop.is_set():
            return  # returns holding the lock
        bank.credit("bob", 10)
        lock.release()
