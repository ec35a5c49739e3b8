# sigterm, right (hostile round's right answers, twenty-first session)
# RIGHT: handler installed with functools.partial; waits with
# `while any(t.is_alive() for t in ts): time.sleep(0.05)`.
import functools
import signal
import threading
import time


def _on_sigterm(stop, signum, frame):
    stop.set()


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, functools.partial(_on_sigterm, stop))
    ts = start_workers(stop)
    while any(t.is_alive() for t in ts):
        time.sleep(0.05)
