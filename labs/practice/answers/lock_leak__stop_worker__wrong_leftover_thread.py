# expect: nothing left behind: thread(s) still running after your function returned
import threading
import time


def worker(bank, lock, stop):
    threading.Thread(target=time.sleep, args=(0.9,), daemon=True).start()  # never joined
    while not stop.is_set():
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
