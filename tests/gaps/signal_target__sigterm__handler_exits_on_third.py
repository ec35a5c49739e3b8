# (hostile round, twenty-first session; passes every grading)
# WRONG. Violates: "The process must survive every SIGTERM" and "a SIGTERM handler ... that
# only sets it": the third SIGTERM ends the process at once ("TERM three times = kill").
import os
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    n = [0]
    def on_term(signum, frame):
        n[0] += 1
        if n[0] >= 3:
            os._exit(143)
        stop.set()
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
