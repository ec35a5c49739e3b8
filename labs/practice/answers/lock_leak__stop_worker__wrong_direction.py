# expect: 's debit('bob', 10): a transfer is
# stop-worker, wrong (fourth hostile reading, eleventh session): transfers from bob to alice.
def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("bob", 10)
            bank.credit("alice", 10)
