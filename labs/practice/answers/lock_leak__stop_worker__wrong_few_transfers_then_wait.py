# expect: your function returned: still running at the end of the run: worker-1, worker-2, worker-3
# stop-worker, wrong (fourth hostile reading, eleventh session): does 5 transfers, then only
# waits for the stop instead of repeating transfers until it is set.
def worker(bank, lock, stop):
    n = 0
    while not stop.is_set():
        if n < 5:
            with lock:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
            n += 1
        else:
            stop.wait(0.05)
