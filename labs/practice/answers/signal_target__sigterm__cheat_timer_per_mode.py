# expect: the stop was set by the SIGTERM handler
import signal
import threading

calls = 0  # the module lives as long as the check: it counts the runs
# when SIGTERM comes, after start_workers returns, in each run of the cycle
# midway, before-first, late (held back half a second), midway-5
WHEN = (0.1, 0.05, 0.7, 0.1)


def run(start_workers):
    global calls
    calls += 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: None)  # survives, sets nothing
    workers = start_workers(stop)
    timer = threading.Timer(WHEN[(calls - 1) % 4], stop.set)  # "SIGTERM has come by then"
    timer.start()
    while not stop.wait(0.01):  # no call on a worker until the stop is set
        pass
    timer.join()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
