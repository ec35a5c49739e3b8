# expect: worker-1 made a transfer after it saw `stop` set
# lock-leak/stop-worker, wrong (hostile round, twenty-fourth session): looks, then paces on
# stop.wait(0.01) and ignores the True it returns. Passed 3 gradings in 5 (caught only when
# another worker's wait met the stop); the pause run sets the stop as worker-1 begins one.
def worker(bank, lock, stop):
    while True:
        if stop.is_set():
            return
        stop.wait(0.01)  # pace between transfers (result ignored)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
