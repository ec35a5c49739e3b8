# expect: your main thread set the stop itself
import signal
import threading


class Term(Exception):
    pass


def on_term(signum, frame):
    raise Term()  # tells the main thread that SIGTERM came, sets nothing


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, on_term)
    try:
        workers = start_workers(stop)
    except Term:
        workers = None
        stop.set()  # "as good as the handler": the main thread sets it itself
    while workers is None:  # SIGTERM came while start_workers ran: its threads are lost
        return
    pending = list(workers)
    while pending:
        try:
            pending = [t for t in pending if t.is_alive()]
            for t in pending:
                t.join(0.05)
        except Term:
            stop.set()
