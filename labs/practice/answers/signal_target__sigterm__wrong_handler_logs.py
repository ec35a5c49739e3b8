# expect: the stop was set by the SIGTERM handler: your handler wrote before it set the stop
# signal-target/sigterm, wrong (fifth hostile reading, eleventh session; passed every
# grading until the nineteenth)
# Violates "only sets it": the handler logs (takes logging's locks in a signal handler)
# before it sets the stop. The kernel counts the bytes the main thread writes between
# SIGTERM and the handler's set (procfs.written); one is C's own (a wakeup fd).
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
