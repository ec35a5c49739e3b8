"""EXPECT: fail
FLAW: Wait for every worker, then return (waits for the first worker only)

A learner who assumes all workers end together.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    while workers[0].is_alive():
        workers[0].join(0.1)
