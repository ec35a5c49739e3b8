# expect: it started 1 thread(s) after its set
# (hostile round, twenty-sixth session: passed 1 grading in 4, its wait for the thread to
# start seen or not; the kernel's list of threads shows the one the handler started)
# sigterm, WRONG: "install a SIGTERM handler (signal.signal) that only sets it": the handler
# sets the stop and then starts an "announcer" thread of its own (it logs the shutdown);
# run() joins that thread, in timed steps, before it returns.
import logging
import signal
import threading
import time

log = logging.getLogger(__name__)


def run(start_workers):
    stop = threading.Event()
    announcers = []

    def handler(signum, frame):
        stop.set()
        t = threading.Thread(target=log.warning, args=("shutting down",), name="announcer")
        announcers.append(t)
        t.start()

    signal.signal(signal.SIGTERM, handler)
    workers = start_workers(stop)
    for w in workers:
        while w.is_alive():
            time.sleep(1.0)
    for t in announcers:
        while t.is_alive():
            t.join(0.1)
