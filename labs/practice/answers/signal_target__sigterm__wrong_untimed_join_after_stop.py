# expect: your main thread waited with no timeout
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "Wait in timed steps". Once the stop is seen it joins every worker with an
# untimed join(): a second SIGTERM (or one aimed at another thread) can't interrupt it.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    while not stop.wait(0.1):
        pass
    for t in threads:
        t.join()
