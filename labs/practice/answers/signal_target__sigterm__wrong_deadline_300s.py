# expect: worker-1, worker-2, worker-3, worker-4 still running when run() returned
# sigterm, wrong (eleventh hostile reading, seen then, not kept until the twenty-first session:
# the late run's slow worker ran a minute of the learner's joins then, an hour now): gives the
# workers five minutes after the stop, then returns with any still running
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    deadline = time.monotonic() + 300.0
    for t in workers:
        while t.is_alive() and time.monotonic() < deadline:
            t.join(0.1)
