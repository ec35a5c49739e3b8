# expect: the stop was set by the SIGTERM handler: your handler set the stop, and also called worker-1.join()
# sigterm, wrong (fourth hostile reading, eleventh session): the handler sets the stop,
# then joins every worker itself, untimed: a handler only sets it.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    box = []
    def h(s, f):
        stop.set()
        for t in box:
            t.join()
    signal.signal(signal.SIGTERM, h)
    box.extend(start_workers(stop))
    for t in box:
        while t.is_alive():
            t.join(0.1)
