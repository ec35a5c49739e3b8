"""Steps of exactly 1 s (the statement's maximum): stop.wait(1.0), then join(1.0) loops."""
import signal
import threading


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    workers = start_workers(stop)
    while not stop.wait(1.0):
        pass
    for w in workers:
        while w.is_alive():
            w.join(1.0)
