# expect: the stop was set while your main thread slept
import signal
import threading

RUNS = [0]
# the modes come in this order: midway, before-first, late, midway-5; SIGTERM comes
# as the main thread begins to wait, or after half a second in the late runs
DELAY = (0.05, 0.05, 0.62, 0.05)


def run(start_workers):
    k = RUNS[0]
    RUNS[0] += 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)  # survives, sets nothing
    workers = start_workers(stop)
    timer = threading.Timer(DELAY[k % 4], stop.set)  # just after SIGTERM, on its own clock
    timer.start()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
    timer.join()
