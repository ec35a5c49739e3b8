# expect: looked at `stop` between a debit and its credit
def worker(bank, lock, stop):
    stopping = stop.is_set()
    while not stopping:
        with lock:
            bank.debit("alice", 10)
            stopping = stop.is_set()  # looked at midway, used for the NEXT transfer
            bank.credit("bob", 10)
