# expect: the stop was set by the SIGTERM handler: the handler set the stop, and then the main thread set it again
# signal-target/sigterm, wrong: also sets the stop itself from the main thread once the workers ended (the statement: set the stop only from the handler)
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    try:
        for t in workers:
            while t.is_alive():
                t.join(0.1)
    finally:
        stop.set()  # make sure nothing keeps going
