# sigterm, right (hostile round's right answers, twenty-first session)
# RIGHT: a contextmanager installs the handler and restores it; the main loop naps
# 0.1 s between is_alive() rounds and prints a summary after the loop.
import contextlib
import signal
import threading
import time


@contextlib.contextmanager
def sigterm_sets(event):
    old = signal.signal(signal.SIGTERM, lambda s, f: event.set())
    try:
        yield event
    finally:
        signal.signal(signal.SIGTERM, old)


def run(start_workers):
    stop = threading.Event()
    with sigterm_sets(stop):
        workers = start_workers(stop)
        alive = [t for t in workers if t.is_alive()]
        while alive:
            time.sleep(0.1)
            alive = [t for t in alive if t.is_alive()]
    print("stopped:", ", ".join(t.name for t in workers))
