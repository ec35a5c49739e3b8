# expect: MainThread in run, line 10: signal.pause()
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    signal.pause()  # wakes only for a signal the main thread itself receives
    for t in workers:
        while t.is_alive():
            t.join(0.1)
