"""EXPECT: fail
FLAW: Wait with a timeout (`t.join(0.1)` in a loop) (untimed t.join())

The handler is right; the wait is the usual untimed join the statement warns about.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        t.join()
