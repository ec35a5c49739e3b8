# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (hostile round, twentieth session): after the stop, between rounds of looks
# at the live workers, a join(0.05) of a worker already ended (it returns at once) and an
# untimed wait on an Event of its own that a helper sets every millisecond: it looks about
# every millisecond ("time.sleep(0.01) or longer between two looks"). The ledger took the
# join for a wait by its argument, the kernel the untimed wait of its own: a join of a
# worker that had ended waits not now (MainWatch.loop_of_looks)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    ws = start_workers(stop)
    while not stop.wait(0.1):
        pass
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
        dead = []
        while alive:
            still = [t for t in alive if t.is_alive()]
            dead += [t for t in alive if t not in still]
            alive = still
            if not alive:
                break
            if dead:
                dead[0].join(0.05)
            else:
                alive[0].join(0.05)
            poke.wait()
            poke.clear()
    finally:
        over.set()
        h.join()
