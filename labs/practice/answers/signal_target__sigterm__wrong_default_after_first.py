# expect: the stop was set by the SIGTERM handler: after your handler ran, SIGTERM was default again
# sigterm, wrong (fourth hostile reading, eleventh session): the handler sets the stop and
# puts SIGTERM's default action back: a second SIGTERM would end the process.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    def h(s, f):
        stop.set()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, h)
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            t.join(0.1)
