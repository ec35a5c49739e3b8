# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (eighth hostile reading, fourteenth session; a gap until the fifteenth)
# Violates: "time.sleep(0.01) or longer between two looks": naps 8 ms. On the border of the
# old share of samples (35%: 8 ms naps measured 35 to 36%, and passed 4 gradings of 8); now
# a nap is measured by its deadline, and one shorter than 9 ms never counts as waiting: 0%
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            time.sleep(0.008)
