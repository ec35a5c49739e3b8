# expect: 's debit('alice', 20): a transfer is
# stop-worker, wrong (fourth hostile reading, eleventh session): transfers 20, not 10.
def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 20)
            bank.credit("bob", 20)
