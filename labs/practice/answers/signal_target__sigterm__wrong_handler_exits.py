# expect: your code raised no exception: MainThread raised SystemExit
import signal
import sys
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))  # abandons the workers
    for t in start_workers(stop):
        while t.is_alive():  # timed waits: the handler runs (an untimed join can miss it)
            t.join(0.05)
