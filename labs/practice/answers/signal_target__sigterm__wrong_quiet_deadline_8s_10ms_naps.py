# expect: the stop was set by the SIGTERM handler: your code set the stop before any SIGTERM
# sigterm, wrong (seventeenth session): gives up on SIGTERM after 8 s of 10 ms naps and sets the stop
# itself. Passed every grading until then: the quiet period's minute ended after 300 looks, 3 s
# of these naps (they passed in the learner's process, unseen); the grader's clock counts them now
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    deadline = time.monotonic() + 8.0
    while not stop.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not stop.is_set():
        stop.set()
    for w in workers:
        while w.is_alive():
            w.join(0.1)
