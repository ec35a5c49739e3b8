# (hostile round, twenty-first session; passes every grading)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# (its select.select twin is refused: select is not allowed). The handler sets the
# stop, then naps 0.3 s in signal.sigtimedwait on a signal that never comes.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    def on_term(signum, frame):
        stop.set()
        signal.sigtimedwait({signal.SIGUSR2}, 0.3)
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
