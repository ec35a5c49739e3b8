# (ninth hostile reading, fifteenth session; passes most gradings)
# Violates: "never a loop of looks with no wait between them": looks without a wait for 2 ms,
# then naps 10 ms. Measured 84 to 94% of the time told waiting on an idle machine, 77 to 95%
# under load (the line is 90%): a slow grader makes its loop of looks shorter. Any share has
# a border; right answers measure 99 to 100%, and a 5 ms spin 59 to 80%
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while t.is_alive():
            end = time.perf_counter() + 0.002
            while time.perf_counter() < end and t.is_alive():
                pass
            time.sleep(0.01)
