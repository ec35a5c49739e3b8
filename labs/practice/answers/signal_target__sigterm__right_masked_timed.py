"""SIGTERM blocked while the workers start (the threads they start inherit the
mask, a common habit from C), then waits in timed steps: correct whichever
thread the kernel gives SIGTERM to."""
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        workers = start_workers(stop)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    for t in workers:
        while t.is_alive():
            t.join(0.1)
