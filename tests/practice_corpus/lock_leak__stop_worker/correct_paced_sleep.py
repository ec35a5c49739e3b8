"""EXPECT: pass

A learner who wants to "not hog the CPU" and paces the transfers with time.sleep(0.5).
Slow to stop (up to 0.5 s), but right: the statement asks for a look at stop before every
transfer and sets no time bound (it said "within 100 ms" before the trusted engine,
issue 17; the time a stop takes is lesson 4's and the benchmark's subject).
"""
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        time.sleep(0.5)
