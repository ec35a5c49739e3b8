# expect: your main thread set the stop itself
import signal
import threading
import time

# A do-nothing handler, and the main thread's own wait loop sets the stop
# once a guessed time has passed, read from the statement alone. The number
# of workers tells the run's kind: 2, SIGTERM came while start_workers ran;
# 3 or 5, it comes while the first look at a worker waits; 4, it is held back
# 1.5 s after the first look (0.3 to 1.3 s, at random, when it was written): guess 0.8 s.


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)
    workers = start_workers(stop)
    if len(workers) != 2:
        workers[0].is_alive()
    deadline = time.monotonic() + (0.8 if len(workers) == 4 else 0.0)
    while not stop.wait(0.01):  # no look at a worker until the stop is set
        if time.monotonic() >= deadline:
            stop.set()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
