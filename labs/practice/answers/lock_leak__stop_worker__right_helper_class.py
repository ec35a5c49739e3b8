import collections
import time


class Counter:
    def __init__(self):
        self._count = 0
        self.seen = collections.Counter()

    def add(self):
        self._count += 1
        self.seen["transfers"] += 1


def transfer_once(bank, lock):
    with lock:
        bank.debit("alice", 10)
        bank.credit("bob", 10)


def worker(bank, lock, stop):
    counter = Counter()
    started = time.monotonic()
    while not stop.is_set():
        transfer_once(bank, lock)
        counter.add()
    if __name__ == "__main__":
        print(counter._count, time.monotonic() - started)
