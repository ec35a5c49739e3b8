# expect: run() waited for every worker: worker-1
# sigterm, wrong by the statement ("wait until every worker has ended"): after the
# stop, gives the workers 5 s in all, then returns with any still running.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    deadline = time.monotonic() + 5.0  # never hang on the way out
    for t in workers:
        while t.is_alive() and time.monotonic() < deadline:
            t.join(0.1)
