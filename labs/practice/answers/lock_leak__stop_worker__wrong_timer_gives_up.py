# expect: nothing left behind: thread(s) still running after your function returned
# (its Timer threads are never joined: kept to the end of the run since the seventeenth session,
# wire.hold_ends; its other fault shows once they are: "returned only once stopped: worker-2 returned before `stop` was set")
# stop-worker, wrong: a threading.Timer watchdog makes a worker give up after
# 2 s without a transfer, though no stop came (the lock was only busy).
import threading


def worker(bank, lock, stop):
    stuck = threading.Event()
    timer = threading.Timer(2.0, stuck.set)
    timer.start()
    try:
        while not stop.is_set():
            if not lock.acquire(timeout=0.05):
                if stuck.is_set():
                    return  # two seconds without the lock: give up
                continue
            try:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
            finally:
                lock.release()
            timer.cancel()
            stuck.clear()
            timer = threading.Timer(2.0, stuck.set)
            timer.start()
    finally:
        timer.cancel()
        timer.join()
