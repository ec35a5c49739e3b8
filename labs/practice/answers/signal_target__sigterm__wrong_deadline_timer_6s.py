# expect: run() returned before any SIGTERM, with worker-1, worker-2, worker-3, worker-4 still running
# sigterm, wrong: gives up waiting for the workers after a 6 s threading.Timer fires,
# and returns while workers may still run (fifth hostile reading, eleventh session;
# it passed 1 grading in 3 while the late run's quiet period had a random length; since
# the twelfth session, threading follows the check's clock here: the Timer fires in the
# quiet minute)
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    give_up = threading.Event()
    timer = threading.Timer(6, give_up.set)
    threads = start_workers(stop)
    timer.start()
    try:
        for t in threads:
            while t.is_alive() and not give_up.is_set():
                t.join(0.1)
    finally:
        timer.cancel()
        timer.join()
