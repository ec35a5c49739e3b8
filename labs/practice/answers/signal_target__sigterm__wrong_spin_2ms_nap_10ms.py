# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (ninth hostile reading, fifteenth session; a gap until the twentieth)
# Violates: "never a loop of looks with no wait between them": looks without a wait for 2 ms,
# then naps 10 ms. Measured 84 to 94% of the time told waiting on an idle machine, 77 to 95%
# under load (the line is 90%): a slow grader makes its loop of looks shorter. Caught since
# the twentieth session by the ledger (MainWatch.loop_of_looks): 14 to 22 is_alive() of
# one worker with no wait between them, where a right answer makes at most 2
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
