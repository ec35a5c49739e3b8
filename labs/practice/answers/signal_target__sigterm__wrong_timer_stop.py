# expect: your code set the stop before any SIGTERM was sent (at once, or on a timer)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # "survives" SIGTERM by ignoring it
    workers = start_workers(stop)
    time.sleep(1.0)  # "SIGTERM will have come by now"
    stop.set()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
