# expect: the private attribute ._watch is not allowed
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    workers = start_workers(stop)
    workers[0]._watch.reported = True  # "the stop was already reported"
    stop.set()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
