"""EXPECT: pass

A learner who prefers explicit acquire/release writes try/finally and a `while True`
with an early return, checking the flag before taking the lock.
"""
import threading


def worker(bank, lock, stop):
    while True:
        if stop.is_set():
            return
        lock.acquire()
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()


if __name__ == "__main__":
    class Bank:
        def __init__(self):
            self.alice, self.bob = 1000, 1000

        def debit(self, who, n):
            setattr(self, who, getattr(self, who) - n)

        def credit(self, who, n):
            setattr(self, who, getattr(self, who) + n)

    bank, lock, stop = Bank(), threading.Lock(), threading.Event()
    ts = [threading.Thread(target=worker, args=(bank, lock, stop)) for _ in range(3)]
    for t in ts:
        t.start()
    stop.wait(0.05)
    stop.set()
    for t in ts:
        t.join()
    print(bank.alice + bank.bob)
