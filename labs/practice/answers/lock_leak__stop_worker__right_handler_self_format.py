"""stop-worker, minimal: a logging.Handler subclass whose emit() calls self.format(record) (the logging docs' idiom)."""
import collections
import logging


class RingHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = collections.deque(maxlen=100)

    def emit(self, record):
        self.lines.append(self.format(record))


log = logging.getLogger("x_sw5")
log.addHandler(RingHandler())
log.setLevel(logging.DEBUG)


def worker(bank, lock, stop):
    while True:
        with lock:
            if stop.is_set():
                break
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        log.debug("transfer done")
