"""EXPECT: fail
FLAW: Wait for every worker, then return (one t.join(0.1), not in a loop)

A learner who added the timeout and forgot the loop.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        t.join(0.1)
