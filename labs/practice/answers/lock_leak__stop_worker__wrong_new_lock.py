# expect: the lock held around every debit and credit: worker-
import threading


def worker(bank, lock, stop):
    while not stop.is_set():
        with threading.Lock():  # a new lock per transfer excludes nobody
            bank.debit("alice", 10)
            bank.credit("bob", 10)
