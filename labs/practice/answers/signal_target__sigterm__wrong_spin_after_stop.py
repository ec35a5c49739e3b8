# expect: after the stop, seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "never a loop of looks with no wait between them". It waits properly for the
# stop, but then spins on is_alive() (no wait) until the workers end.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    while not stop.wait(0.1):
        pass
    for t in threads:
        while t.is_alive():
            pass
