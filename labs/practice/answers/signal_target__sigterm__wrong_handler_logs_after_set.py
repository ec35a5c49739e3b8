# expect: the stop was set by the SIGTERM handler: your handler did more than set the stop: it wrote
# (hostile round, twenty-first session; passed every grading until the twenty-third:
# the grader watches the main thread from the handler's set until it is back in the
# call SIGTERM interrupted, _handler_tail)
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
