# expect: waited longer than 1 s in one step: time.sleep(1.2)
# (hostile round, thirty-first session: passed every grading while naps were judged by the
# kernel alone, which sees a long nap only in its 50 ms slices)
# signal-target/sigterm, WRONG: "no step longer than 1 s". Looks at the stop, then at the
# workers (a round of is_alive() looks), with 1.2 s naps (time.sleep(1.2)) between looks.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    while not stop.is_set():
        time.sleep(1.2)
    while any([w.is_alive() for w in workers]):
        time.sleep(1.2)
