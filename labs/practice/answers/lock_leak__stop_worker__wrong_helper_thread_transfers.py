# expect: (threads your code started), and the check counts each worker's own
# stop-worker, wrong: the transfers are made by a helper thread the worker starts and joins,
# not by the worker itself (in the thread that called it), as the statement says
import threading


def worker(bank, lock, stop):
    def loop():
        while not stop.is_set():
            with lock:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
    t = threading.Thread(target=loop)
    t.start()
    t.join()
