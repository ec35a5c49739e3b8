"""EXPECT: fail
FLAW: install a SIGTERM handler ..., then call `start_workers(stop)` (installed after: a SIGTERM before it kills the process)

A learner who starts the workers first and installs the handler "once there is
something to stop".
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    workers = start_workers(stop)
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in workers:
        while t.is_alive():
            t.join(0.1)
