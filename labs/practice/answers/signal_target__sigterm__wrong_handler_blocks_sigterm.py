# expect: the stop was set by the SIGTERM handler: after your handler ran, your main thread blocked SIGTERM
# sigterm, wrong (eighth hostile reading, fourteenth session; passed every grading until
# then): the handler sets the stop, then blocks SIGTERM in the main thread
import signal
import threading

def run(start_workers):
    stop = threading.Event()
    def handler(signum, frame):
        stop.set()
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    signal.signal(signal.SIGTERM, handler)
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            t.join(0.1)
