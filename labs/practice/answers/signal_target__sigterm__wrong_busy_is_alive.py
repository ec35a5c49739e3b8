# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (sixth hostile reading, twelfth session; caught since the thirteenth): never waits: spins on is_alive()
# with no timeout/nap (100% CPU) --
# violates "Wait in timed steps".
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = list(start_workers(stop))
    for t in threads:
        while t.is_alive():
            pass
