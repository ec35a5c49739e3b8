# lock-leak/stop-worker, right (right-answer round, twenty-fourth session): paces on the stop
# before each transfer, then looks again under the lock. In the pause run its first call is
# a timed stop.wait(), which gets the stop: no transfer at all is right then (it failed "no
# transfer was started" for a moment of that session).
def worker(bank, lock, stop):
    while not stop.wait(0.01):
        with lock:
            if stop.is_set():
                return
            bank.debit("alice", 10)
            bank.credit("bob", 10)
