# right (right-answer round, seventeenth session): failed every grading until then, out of its 3 s
# (each worker's first is_alive() after the stop says True, and the nap after it was the
# learner's time; the check's now: arena.AliveCredit)
# Right: handler "only sets" the Event; for each worker in turn, `is_alive()` looks with `time.sleep(1.0)` between them ("`time.sleep(0.01)` or longer between two looks ... no step longer than 1 s") until it says False.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            time.sleep(1.0)
