"""A named handler, a `while any(...)` loop of timed joins, and the previous
handler put back on the way out (good manners for library code)."""
import signal
import threading


def run(start_workers):
    stop = threading.Event()

    def on_sigterm(signum, frame):
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        workers = list(start_workers(stop))
        while any(t.is_alive() for t in workers):
            for t in workers:
                t.join(timeout=0.1)
    finally:
        signal.signal(signal.SIGTERM, previous)
