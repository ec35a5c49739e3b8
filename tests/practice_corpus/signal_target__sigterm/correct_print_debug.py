"""EXPECT: pass

Prints in the main loop (not in the handler) to see the stop arrive; waits with timed
joins in a `while True` loop.
"""
import signal
import threading


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    workers = start_workers(stop)
    seen = False
    while True:
        alive = [t for t in workers if t.is_alive()]
        if not alive:
            break
        if stop.is_set() and not seen:
            print("SIGTERM received, waiting for", [t.name for t in alive])
            seen = True
        alive[0].join(0.1)
    print("run: every worker ended")
