# (hostile round, twenty-first session; passes every grading)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# Drops a SIGTERM that arrives during any nap but the first (midway-5 aims at the first nap
# after a look): `while not stop.is_set(): time.sleep(0.05)`, then timed joins.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    naps = [0]
    napping = [False]
    def on_term(signum, frame):
        if napping[0] and naps[0] > 1:
            return
        stop.set()
    signal.signal(signal.SIGTERM, on_term)
    workers = start_workers(stop)
    while not stop.is_set():
        naps[0] += 1
        napping[0] = True
        try:
            time.sleep(0.05)
        finally:
            napping[0] = False
    for t in workers:
        while t.is_alive():
            t.join(0.1)
