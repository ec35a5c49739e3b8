# expect: your function returned: still running at the end of the run: worker-1, worker-2, worker-3
# stop-worker, wrong (fourth hostile reading, eleventh session): after 3 transfers it stops
# transferring and waits in an untimed stop.wait(), though the stop is not set.
def worker(bank, lock, stop):
    for _ in range(3):
        if stop.is_set():
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
    stop.wait()
