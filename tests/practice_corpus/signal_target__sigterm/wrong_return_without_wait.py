"""EXPECT: fail
FLAW: Wait for every worker, then return (returns right after starting them)

A learner who thinks the handler does the rest.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    start_workers(stop)
