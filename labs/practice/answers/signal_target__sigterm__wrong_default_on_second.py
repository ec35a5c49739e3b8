# expect: the stop was set by the SIGTERM handler: after a second SIGTERM, SIGTERM was default at your main thread's next look
# sigterm, wrong (hostile round, twenty-first session; passed until the second SIGTERM's
# checks of the same session)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it" and
# "The process must survive every SIGTERM": on the second SIGTERM the handler restores
# SIG_DFL, so a third would kill the process mid-item.
import signal
import threading

def run(start_workers):
    stop = threading.Event()
    count = [0]
    def on_term(signum, frame):
        count[0] += 1
        stop.set()
        if count[0] == 2:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
