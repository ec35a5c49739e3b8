# expect: MainThread in run, line 10: stop.wait()
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    stop.wait()  # untimed: the handler cannot run while the main thread waits here
    for t in workers:
        while t.is_alive():
            t.join(0.1)
