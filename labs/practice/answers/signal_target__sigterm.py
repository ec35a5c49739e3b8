"""Reference solution: signal-target/sigterm."""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    # The handler runs in the main thread and only sets the Event: every
    # worker sees it between items and finishes the item in hand.
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    for t in start_workers(stop):
        t.join()  # the main thread stays interruptible: the handler runs during join
