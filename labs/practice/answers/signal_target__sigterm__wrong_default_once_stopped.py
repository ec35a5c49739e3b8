# expect: again at your main thread's next look: your code changed it
# (sixth hostile reading) as soon as the main thread sees the stop it puts SIGTERM back to
# SIG_DFL and only then waits for the workers, so a second SIGTERM during the shutdown kills
# the process mid-item -- violates "install a SIGTERM handler ... Wait until every worker has
# ended" / "The process must survive".
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = list(start_workers(stop))
    while not stop.wait(0.1):
        pass
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # we are stopping anyway
    for t in threads:
        while t.is_alive():
            t.join(0.1)
