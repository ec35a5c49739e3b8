# expect: every thread ended: still running 1 s after the stop: worker-1 in worker
def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
