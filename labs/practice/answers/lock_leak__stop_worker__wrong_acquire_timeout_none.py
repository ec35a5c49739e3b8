# expect: TypeError: 'NoneType' object cannot be interpreted
# (hostile round, thirty-first session: passed every grading while the check's lock and queue
# took arguments a real one refuses: measured on 3.10 to 3.15)
# WRONG (lock-leak/stop-worker): "both under `lock` (the lock it was given)" -- a
# threading.Lock. By analogy with Queue.get(timeout=None) and Event.wait(None) it calls
# `lock.acquire(timeout=None)` to mean "wait as long as it takes": a real threading.Lock
# raises TypeError ("'NoneType' object cannot be interpreted as an integer"; no timeout
# is -1), so this worker makes no transfer at all outside the check.
def worker(bank, lock, stop):
    while not stop.is_set():
        lock.acquire(timeout=None)
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
