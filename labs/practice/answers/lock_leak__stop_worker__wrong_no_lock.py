# expect: the lock held around every debit and credit: worker-
def worker(bank, lock, stop):
    while not stop.is_set():
        bank.debit("alice", 10)  # no lock: another worker can interleave
        bank.credit("bob", 10)
