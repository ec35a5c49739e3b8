# (hostile round, twenty-first session; passes every grading)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it" and
# "The process must survive every SIGTERM": the handler arms a hard deadline on a CPU-time
# interval timer (ITIMER_VIRTUAL, default action of SIGVTALRM ends the process), which the
# check's fast clock does not move.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    def on_term(signum, frame):
        stop.set()
        signal.setitimer(signal.ITIMER_VIRTUAL, 1.0)
    signal.signal(signal.SIGTERM, on_term)
    try:
        for t in start_workers(stop):
            while t.is_alive():
                t.join(0.1)
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
