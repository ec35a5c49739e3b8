# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "never a loop of looks with no wait between them". It spins on is_alive() for
# 40 ms, then naps 10 ms: waits ~20% of the time.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while True:
            end = time.perf_counter() + 0.04
            alive = True
            while alive and time.perf_counter() < end:
                alive = t.is_alive()
            if not alive:
                break
            time.sleep(0.01)
