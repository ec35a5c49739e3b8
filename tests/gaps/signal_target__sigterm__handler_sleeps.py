# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "install a SIGTERM handler that only sets it". After setting the stop the
# handler sleeps 0.3 s "to give the workers a head start", blocking the main thread.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        time.sleep(0.3)

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
