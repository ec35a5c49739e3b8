import logging

log = logging.getLogger("worker")


def worker(bank, lock, stop):
    while not stop.wait(0):  # wait(0) is a look that never blocks
        lock.acquire()
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
    log.debug("stopped")
