# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (sixth hostile reading, twelfth session; caught since the thirteenth): busy-waits on stop.is_set() and
# then on is_alive() with no timed
# wait at all (100% CPU) -- violates "Wait in timed steps, looking at the workers or at the
# stop".
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = list(start_workers(stop))
    while not stop.is_set():
        pass
    while any(t.is_alive() for t in threads):
        pass
