# expect: run() waited for every worker: worker-1, worker-2, worker-3, worker-4 still running when run() returned
# sigterm, wrong: after the stop, a Timer gives the workers 5 s in all, then run returns
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    too_late = threading.Event()
    timer = threading.Timer(5.0, too_late.set)
    timer.start()
    try:
        for t in workers:
            while t.is_alive() and not too_late.is_set():
                t.join(0.1)
    finally:
        timer.cancel()
        timer.join()
