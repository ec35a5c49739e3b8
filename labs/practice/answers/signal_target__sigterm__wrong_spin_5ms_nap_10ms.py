# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (eighth hostile reading, fourteenth session; a gap until the fifteenth)
# Violates: "never a loop of looks with no wait between them": looks without a wait for 5 ms,
# then naps 10 ms. Measured 37% under the old share of samples (35% line: 6 of 8 gradings
# passed); now 59 to 80% of the time told waiting, idle and under load (90% needed)
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
