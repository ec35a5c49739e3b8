# expect: your function returned: still running at the end of the run: worker-1
def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
