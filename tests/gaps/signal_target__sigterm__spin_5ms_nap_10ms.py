# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "wait in timed steps": looks without a wait for 5 ms, then naps 10 ms (a third
# of the time spinning). Measured 37% waiting, near the 35% line: 6 of 8 gradings passed
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            end = time.perf_counter() + 0.005
            while time.perf_counter() < end and t.is_alive():
                pass
            time.sleep(0.01)
