"""EXPECT: pass

A small service class with a private Event, logging, and a `__main__` block that runs it
as a real program (kill -TERM it from a terminal).
"""
import logging
import signal
import threading
import time

log = logging.getLogger("service")


class _Service:
    def __init__(self):
        self._stop = threading.Event()
        self._threads = []

    def _handle(self, signum, frame):
        self._stop.set()

    def install(self):
        signal.signal(signal.SIGTERM, self._handle)

    def start(self, start_workers):
        self._threads = list(start_workers(self._stop))
        log.info("started %d workers", len(self._threads))

    def wait(self):
        pending = list(self._threads)
        while pending:
            pending[0].join(0.1)
            pending = [t for t in pending if t.is_alive()]
        log.info("all workers ended")


def run(start_workers):
    s = _Service()
    s.install()
    s.start(start_workers)
    s.wait()


if __name__ == "__main__":
    import os

    logging.basicConfig(level=logging.INFO)

    def start_workers(stop):
        def work():
            while not stop.is_set():
                time.sleep(0.2)

        ts = [threading.Thread(target=work) for _ in range(3)]
        for t in ts:
            t.start()
        return ts

    print("pid", os.getpid(), "- kill -TERM it")
    run(start_workers)
