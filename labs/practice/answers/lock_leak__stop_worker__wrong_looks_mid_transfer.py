# expect: looked at `stop` between a debit and its credit
# stop-worker, wrong (fifth hostile reading, eleventh session): looks at stop between
# the debit and the credit (and goes on with the transfer): the statement says never.
def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            stop.is_set()
            bank.credit("bob", 10)
