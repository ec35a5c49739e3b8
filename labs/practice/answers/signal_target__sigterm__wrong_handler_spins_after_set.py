# expect: the stop was set by the SIGTERM handler: your handler did more than set the stop
# signal-target/sigterm, wrong (twenty-third session, beside the hostile round's handlers that
# wait after their set): the handler sets the stop, then spins 0.2 s of CPU "to let the workers
# see it", calling nothing. The grader watches the main thread from the handler's set until it
# is back in the call SIGTERM interrupted (_handler_tail): 0.2 s of CPU (exact: read with the thread blocked at both ends).
# On a machine loaded past 3 runnable processes a core, its 0.2 s of CPU outlast the
# 2 s watch: "it had not returned 2 s after its set (it ran)" (1 grading of 2 in the
# thirty-first session's loaded repetition); either is the same failure.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()

    def on_term(signum, frame):
        stop.set()
        began = time.process_time()
        while time.process_time() - began < 0.2:
            pass
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
