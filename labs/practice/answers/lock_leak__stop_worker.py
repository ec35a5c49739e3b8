"""Reference solution: lock-leak/stop-worker."""


def worker(bank, lock, stop):
    while not stop.is_set():  # the stop is seen only between transfers
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
