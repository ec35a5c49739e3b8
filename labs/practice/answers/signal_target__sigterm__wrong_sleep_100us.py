# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "time.sleep(0.01) or longer between two looks". It naps 0.1 ms: ~10000 looks a
# second, a spin in all but name.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while t.is_alive():
            time.sleep(0.0001)
