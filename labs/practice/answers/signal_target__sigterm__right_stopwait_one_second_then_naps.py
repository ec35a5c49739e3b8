# right (right-answer round, seventeenth session): failed every grading until then, out of its 3 s
# (each worker's first is_alive() after the stop says True, and the nap after it was the
# learner's time; the check's now: arena.AliveCredit)
# Right: handler "only sets" the Event; waits for the stop with `stop.wait(1.0)` (a look at the stop, 1 s: "no step longer than 1 s"), then for each worker `is_alive()` looks with 0.5 s naps until it says False.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    old = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    try:
        threads = start_workers(stop)
        while not stop.wait(1.0):
            pass
        for t in threads:
            while t.is_alive():
                time.sleep(0.5)
    finally:
        signal.signal(signal.SIGTERM, old)
