# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "never a loop of looks with no wait between them". The main thread spins on
# is_alive() with no wait; a helper thread spins too, so the main thread is often parked
# waiting for the GIL and looks "waiting" to the kernel. Two CPUs burnt for nothing.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    done = [False]

    def hog():
        n = 0
        while not done[0]:
            n += 1

    h = threading.Thread(target=hog, daemon=True)
    h.start()
    try:
        for t in start_workers(stop):
            while t.is_alive():
                pass
    finally:
        done[0] = True
        h.join()
