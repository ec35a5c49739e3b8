# expect: killed by SIGTERM
import threading


def run(start_workers):
    stop = threading.Event()
    for t in start_workers(stop):
        t.join()
