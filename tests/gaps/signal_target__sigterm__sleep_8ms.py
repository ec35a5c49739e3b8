# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "waits of 10 ms or more between looks": naps 8 ms. The border of MainWatch's 35%:
# measured 35 to 36% waiting; PASS FAIL FAIL, then 4 of 8 gradings passed: a verdict that
# changes between gradings (9 ms naps pass every grading, 7 ms fail every one)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            time.sleep(0.008)
