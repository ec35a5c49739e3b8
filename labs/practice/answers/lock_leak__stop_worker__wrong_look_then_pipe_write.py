# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (nineteenth session; seen in the thirteenth hostile reading)
# Violates "no transfer may start ... on a look made before the stop": after its look it
# blocks in a write to a pipe a helper thread drains, then transfers.
import os
import threading
import time


def worker(bank, lock, stop):
    r, w = os.pipe()
    over = threading.Event()

    def drain():
        while True:
            time.sleep(0.03)
            if not os.read(r, 1 << 17) or over.is_set():
                return

    t = threading.Thread(target=drain)
    t.start()
    try:
        while not stop.is_set():
            os.write(w, b"." * (1 << 17))  # an audit line, after the look
            with lock:
                bank.debit("alice", 10)
                bank.credit("bob", 10)
    finally:
        over.set()
        os.close(w)
        t.join()
        os.close(r)
