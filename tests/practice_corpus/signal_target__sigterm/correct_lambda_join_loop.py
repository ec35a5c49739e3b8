"""EXPECT: pass

The textbook answer: a handler that only sets the Event, then `t.join(0.1)` in a loop
for each worker.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            t.join(0.1)
