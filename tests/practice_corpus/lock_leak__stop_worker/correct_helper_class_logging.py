"""EXPECT: pass

A learner who likes classes keeps a private counter (`self._count`) and logs how many
transfers each worker did, for debugging.
"""
import logging
import threading

log = logging.getLogger(__name__)


class _Transferor:
    def __init__(self, bank, lock):
        self._bank = bank
        self._lock = lock
        self._count = 0

    def one(self):
        with self._lock:
            self._bank.debit("alice", 10)
            self._bank.credit("bob", 10)
        self._count += 1


def worker(bank, lock, stop):
    t = _Transferor(bank, lock)
    while not stop.is_set():
        t.one()
    log.debug("%s did %d transfers", threading.current_thread().name, t._count)
