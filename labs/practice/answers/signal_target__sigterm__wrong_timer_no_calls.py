# expect: not the main thread: Python runs signal handlers only in the main thread
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)  # survives, sets nothing
    workers = start_workers(stop)
    timer = threading.Timer(0.7, stop.set)  # "SIGTERM will have come by then"
    timer.start()
    while not stop.wait(0.05):  # no call on a worker until the stop is set
        pass
    timer.join()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
