# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (hostile round, twentieth session): after the stop, stop.wait(0.1) returns at
# once and an untimed wait on an Event of its own, set by a helper every millisecond, returns
# after about 1 ms: the main thread looks at the workers about every millisecond ("time.sleep(0.01)
# or longer between two looks; never a loop of looks with no wait between them"). The kernel
# saw it waiting (an untimed wait of its own); the ledger sees the looks, once a wait on a set
# stop counts as none
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    ws = start_workers(stop)
    poke = threading.Event()
    over = threading.Event()

    def poker():
        while not over.is_set():
            time.sleep(0.001)
            poke.set()

    h = threading.Thread(target=poker, daemon=True)
    h.start()
    try:
        alive = list(ws)
        while alive:
            stop.wait(0.1)
            poke.wait()
            poke.clear()
            alive = [t for t in alive if t.is_alive()]
    finally:
        over.set()
        h.join()
