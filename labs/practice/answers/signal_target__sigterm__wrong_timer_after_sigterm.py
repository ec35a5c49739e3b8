# expect: not the main thread: Python runs signal handlers only in the main thread
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)  # survives, sets nothing
    timer = threading.Timer(0.8, stop.set)  # "SIGTERM will have come by then"
    timer.start()
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
    timer.join()
