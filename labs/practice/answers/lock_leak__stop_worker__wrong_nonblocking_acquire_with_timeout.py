# expect: ValueError: can't specify a timeout for a non-blocking call
# (hostile round, thirty-first session: passed every grading while the check's lock and queue
# took arguments a real one refuses: measured on 3.10 to 3.15)
# WRONG (lock-leak/stop-worker): "both under `lock` (the lock it was given)" -- a
# threading.Lock. It calls `lock.acquire(False, 0.1)` (meant: "wait at most 0.1 s"): a
# real threading.Lock raises ValueError("can't specify a timeout for a non-blocking
# call") on the first call, so this worker never makes a single transfer anywhere but in
# the check. (On a busy lock it would also spin, looking at the stop between tries.)
def worker(bank, lock, stop):
    while not stop.is_set():
        if not lock.acquire(False, 0.1):
            continue
        try:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        finally:
            lock.release()
