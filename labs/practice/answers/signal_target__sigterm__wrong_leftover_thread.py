# expect: nothing left behind: thread(s) still running after your function returned
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    # a progress ticker that nobody stops: it outlives run()
    threading.Thread(target=time.sleep, args=(60,), name="ticker", daemon=True).start()
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
