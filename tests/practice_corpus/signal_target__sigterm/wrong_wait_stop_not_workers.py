"""EXPECT: fail
FLAW: Wait for every worker, then return (returns once the stop is set, without waiting for the workers)

A learner who polls the flag and treats "stop requested" as "stopped".
"""
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    start_workers(stop)
    while not stop.is_set():
        time.sleep(0.1)
