# sigterm, right: looks at the stop with stop.is_set(), naps on a private Event between
# looks, then waits for every worker in timed steps (sixth hostile reading: it failed
# every grading, its naps real while the quiet minute waited for its looks)
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = list(start_workers(stop))
    nap = threading.Event()
    while not stop.is_set():
        nap.wait(0.1)
    for t in threads:
        while t.is_alive():
            nap.wait(0.1)
