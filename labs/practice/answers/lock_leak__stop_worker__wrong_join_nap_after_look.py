# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (thirty-third session; failed 8 gradings of 8 under load by the
# kernel samples alone; since, a timed join is told: wire.Clock._tell_own_waits). Violates "a
# pause between that look and the transfer misses the stop": 1 ms joins of a thread that waits
# for the stop
import threading

def worker(bank, lock, stop):
    pacer = threading.Thread(target=stop.wait)
    pacer.start()
    while not stop.is_set():
        pacer.join(0.001)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
    pacer.join()
