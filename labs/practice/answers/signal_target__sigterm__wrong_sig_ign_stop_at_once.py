# expect: your code set the stop before any SIGTERM was sent
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # "survives" SIGTERM by ignoring it
    workers = start_workers(stop)
    stop.set()  # ... and stops the workers at once
    for t in workers:
        while t.is_alive():
            t.join(0.1)
