# expect: no money vanished: alice + bob = 19
def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():  # stops midway: the debit stays, the credit never comes
                return
            bank.credit("bob", 10)
