import threading


def worker(bank, lock, stop):
    while True:
        with lock:  # the stop looked at under the lock, before the transfer
            if stop.is_set():
                return
            bank.debit("alice", 10)
            bank.credit("bob", 10)
