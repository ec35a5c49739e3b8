# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "time.sleep(0.01) or longer between two looks". It naps 1 ms: 100 looks where
# 10 would do, a near-spin that still looks mostly asleep to the kernel.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while t.is_alive():
            time.sleep(0.001)
