# expect: took `lock` again after its debit let it go
def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
        with lock:  # a lock per step: another worker can run between the two
            bank.credit("bob", 10)
