# (hostile round, twenty-first session; passes every grading)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# The handler sets the stop first and then logs (I/O inside a signal handler).
import logging
import signal
import threading

log = logging.getLogger("svc")

def run(start_workers):
    logging.basicConfig(level=logging.INFO)
    stop = threading.Event()
    def on_term(signum, frame):
        stop.set()
        log.warning("SIGTERM received, stopping workers")
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
