# expect: no transfer after the stop: worker-1 made a transfer without looking at `stop` first
def worker(bank, lock, stop):
    while True:
        with lock:  # one transfer first, the look at stop after it
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        if stop.is_set():
            return
