# expect: the stop was set by the SIGTERM handler: your code set the stop before any SIGTERM
# signal-target/sigterm, wrong: a watchdog: if no SIGTERM came within 2 s of starting the workers, the main thread sets the stop itself (only the handler may)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    deadline = time.monotonic() + 2.0
    while not stop.wait(0.1):
        if time.monotonic() > deadline:
            stop.set()  # nobody told us to stop: do it anyway, never run for ever
    for t in workers:
        while t.is_alive():
            t.join(0.1)
