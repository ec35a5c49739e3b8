# expect: the stop was set by the SIGTERM handler: after a second SIGTERM, your main thread blocked SIGTERM at its next look
# sigterm, wrong (hostile round, twenty-first session; passed until the second SIGTERM's
# checks of the same session)
# WRONG. Violates: "install a SIGTERM handler (`signal.signal`) that only sets it"
# On the second SIGTERM the handler blocks SIGTERM in the main thread (known answer
# wrong_handler_blocks_sigterm does it on the first).
import signal
import threading

def run(start_workers):
    stop = threading.Event()
    n = [0]
    def on_term(signum, frame):
        n[0] += 1
        stop.set()
        if n[0] >= 2:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
