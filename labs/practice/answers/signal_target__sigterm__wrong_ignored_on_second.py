# expect: the stop was set by the SIGTERM handler: after a second SIGTERM, SIGTERM was ignored at your main thread's next look
# sigterm, wrong (hostile round, twenty-first session; passed until the second SIGTERM's
# checks of the same session)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# On the second SIGTERM the handler sets the stop and then switches SIGTERM to SIG_IGN
# ("we're already shutting down, ignore further TERMs").
import signal
import threading

def run(start_workers):
    stop = threading.Event()
    count = [0]
    def on_term(signum, frame):
        count[0] += 1
        stop.set()
        if count[0] >= 2:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
