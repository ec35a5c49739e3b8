"""Waits on each worker with t.join(0.1), and logs what is_alive() says before each
join: two quick looks at a worker, then a look that waits (the twentieth session's
hostile round: a first version of the count of looks in a row, never released, took the
join for a third and failed it)."""
import logging
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while t.is_alive():
            logging.debug("%s alive: %s", t.name, t.is_alive())
            t.join(0.1)
