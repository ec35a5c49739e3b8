# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "never a loop of looks with no wait between them". It spins on is_alive() for
# 25 ms, then naps 10 ms: a busy loop of looks that waits ~30% of the time.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while True:
            end = time.perf_counter() + 0.025
            alive = True
            while alive and time.perf_counter() < end:
                alive = t.is_alive()
            if not alive:
                break
            time.sleep(0.01)
