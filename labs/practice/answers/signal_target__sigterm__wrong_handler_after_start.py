# expect: your code ended the whole process: killed by SIGTERM
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    workers = start_workers(stop)  # a SIGTERM before the next line ends the process
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    for t in workers:
        while t.is_alive():
            t.join(0.1)
