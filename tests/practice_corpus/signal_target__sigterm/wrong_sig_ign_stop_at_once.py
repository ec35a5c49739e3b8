"""EXPECT: fail
FLAW: install a SIGTERM handler that only sets it (SIG_IGN, and the stop set at once: the workers never do an item)

A learner who makes the process "survive SIGTERM" by ignoring it and stops the workers
right away so that run returns.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    workers = start_workers(stop)
    stop.set()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
