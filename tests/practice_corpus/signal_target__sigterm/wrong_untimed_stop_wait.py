"""EXPECT: fail
FLAW: Wait with a timeout (an untimed stop.wait() before the joins)

A learner who waits for the stop itself, without a timeout, then joins.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    stop.wait()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
