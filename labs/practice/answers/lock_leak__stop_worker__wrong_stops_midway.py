# expect: no transfer cut in half: worker-1 debited and never credited
def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():  # stops midway: the debit stays, the credit never comes
                return
            bank.credit("bob", 10)
