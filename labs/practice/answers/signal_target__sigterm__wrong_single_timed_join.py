# expect: worker-1, worker-2, worker-3 still running when run() returned
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    for t in start_workers(stop):
        t.join(0.1)  # one timed join, not in a loop: the worker may still run
