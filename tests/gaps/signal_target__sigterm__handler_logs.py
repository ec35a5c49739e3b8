# the handler logs (takes logging's locks in a signal handler) besides setting the stop;
# the statement says it only sets it (fifth hostile reading, eleventh session)
import logging
import signal
import threading

log = logging.getLogger("run")
def run(start_workers):
    stop = threading.Event()
    def handler(signum, frame):
        log.warning("SIGTERM received, stopping")
        stop.set()
    signal.signal(signal.SIGTERM, handler)
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            t.join(0.1)
