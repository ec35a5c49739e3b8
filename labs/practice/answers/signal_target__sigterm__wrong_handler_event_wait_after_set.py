# expect: the stop was set by the SIGTERM handler: your handler did more than set the stop: it waited in futex
# (hostile round, twenty-first session; passed every grading until the twenty-third:
# the grader watches the main thread from the handler's set until it is back in the
# call SIGTERM interrupted, _handler_tail)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# The handler sets the stop, then "gives the workers a head start" by waiting 0.3 s on an
# Event of its own (not time.sleep, not the check's objects).
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    pause = threading.Event()
    def on_term(signum, frame):
        stop.set()
        pause.wait(0.3)
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
