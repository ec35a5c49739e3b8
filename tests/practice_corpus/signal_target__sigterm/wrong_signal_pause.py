"""EXPECT: fail
FLAW: Wait with a timeout (signal.pause(): a SIGTERM before it begins waits forever)

A learner who found signal.pause(), "wait for a signal", in the docs.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    signal.pause()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
