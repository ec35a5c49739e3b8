# expect: as SIGTERM came in it: your handler raised
# sigterm, wrong (hostile round, twenty-first session; passed until the second SIGTERM's
# checks of the same session)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# On a second SIGTERM the handler raises an exception ("hurry up") that the main loop
# catches and ignores before it goes on waiting.
import signal
import threading

class Hurry(Exception):
    pass

def run(start_workers):
    stop = threading.Event()
    n = [0]
    def on_term(signum, frame):
        n[0] += 1
        stop.set()
        if n[0] >= 2:
            raise Hurry()
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while True:
            try:
                if not t.is_alive():
                    break
                t.join(0.1)
            except Hurry:
                pass
