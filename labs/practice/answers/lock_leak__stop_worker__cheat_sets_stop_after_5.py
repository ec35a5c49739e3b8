# expect: set `stop` itself: only the check sets it
# stop-worker, cheat (sixth hostile reading): sets the grader's stop Event itself after 5
# transfers, then returns - violates "until `stop` ... is set" (the worker stops everyone on
# its own instead of waiting for the stop).
def worker(bank, lock, stop):
    n = 0
    while not stop.is_set():
        if n == 5:
            stop.set()
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        n += 1
