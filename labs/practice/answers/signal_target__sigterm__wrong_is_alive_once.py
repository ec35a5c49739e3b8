# expect: not seen ending before run() returned
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    for t in workers:
        if t.is_alive():  # one look, then a timed join: never sees it end
            t.join(0.1)
