# expect: run() waited for every worker: worker-1, worker-2, worker-3 still running when run() returned
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    start_workers(stop)
    while not stop.wait(0.1):  # "stop requested" is not "stopped"
        pass
