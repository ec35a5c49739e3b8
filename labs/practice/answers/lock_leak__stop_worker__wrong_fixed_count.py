# expect: no transfer after the stop: worker-
def worker(bank, lock, stop):
    for _ in range(20):  # a fixed number of transfers, whatever stop says
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
