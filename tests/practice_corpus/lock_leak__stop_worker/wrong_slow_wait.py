"""EXPECT: fail
FLAW: every worker ends within 100 ms (sleeps 0.5 s between transfers with time.sleep)

A learner who wants to "not hog the CPU" and paces the transfers with time.sleep(0.5),
which no stop can cut short.
"""
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        time.sleep(0.5)
