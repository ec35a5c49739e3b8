"""Polls the workers with is_alive() and sleeps between looks: the sleep is a
timed wait, so the handler runs as soon as it ends."""
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    alive = list(workers)
    while alive:
        time.sleep(0.05)
        alive = [t for t in alive if t.is_alive()]
    print("every worker ended:", [t.name for t in workers])
