"""EXPECT: fail
FLAW: a SIGTERM handler that only sets it (the handler also calls sys.exit: run leaves at once)

A learner who thinks a SIGTERM handler should exit "cleanly".
"""
import signal
import sys
import threading


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        sys.exit(0)

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
