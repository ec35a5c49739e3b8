# expect: returned before `stop` was set: only the stop ends a worker
# stop-worker, wrong (fourth hostile reading, eleventh session): returns on its own after 5
# transfers, with no stop set.
# (which worker returns first is the schedule's: in midway-3rd, worker-2 may make its 5
# transfers before worker-1's 3rd debit, and return while worker-1 is held; 1 CI run in
# many, thirty-first session)
def worker(bank, lock, stop):
    for _ in range(5):
        if stop.is_set():
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
