# expect: run() waited between its looks: your main thread waited longer than 1 s in one step
# sigterm, wrong since the fifteenth session (a right answer until then): the handler only
# sets the stop; the main thread joins each worker with join(3), then again while it is
# alive. A SIGTERM the kernel gives a worker is handled only when a join(3) ends: up to 3 s
# late (ninth hostile reading: join(0.9) to join(4.9) passed). The statement now says no
# step may be longer than 1 s
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    for t in workers:
        t.join(3)
        while t.is_alive():
            t.join(3)
