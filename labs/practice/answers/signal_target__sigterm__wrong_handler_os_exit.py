# expect: your code ended the whole process: ended with exit status 0
import os
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: os._exit(0))  # every item in hand is lost
    for t in start_workers(stop):
        while t.is_alive():  # timed waits: the handler runs (an untimed join can miss it)
            t.join(0.05)
