# expect: returned only once stopped: worker-1 returned before `stop` was set
# stop-worker, wrong (fourth hostile reading, eleventh session): returns on its own after 5
# transfers, with no stop set.
def worker(bank, lock, stop):
    for _ in range(5):
        if stop.is_set():
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
