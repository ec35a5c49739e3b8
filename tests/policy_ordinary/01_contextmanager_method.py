import contextlib
import threading


class Account:
    def __init__(self):
        self._lock = threading.Lock()
        self._balance = 0

    @contextlib.contextmanager
    def locked(self):
        with self._lock:
            yield self

    def deposit(self, n):
        with self.locked():
            self._balance += n
