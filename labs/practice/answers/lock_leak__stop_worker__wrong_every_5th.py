# expect: no transfer after the stop: worker-
def worker(bank, lock, stop):
    count = 0
    while True:
        if count % 5 == 0 and stop.is_set():  # looks at stop every 5th transfer only
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        count += 1
