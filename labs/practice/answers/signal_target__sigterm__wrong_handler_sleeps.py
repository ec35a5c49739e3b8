# expect: the stop was set by the SIGTERM handler: your handler set the stop, and also called time.sleep(0.3)
# (seventh hostile reading, thirteenth session; passed every grading until the
# twenty-first: a nap inside the call SIGTERM came in is the handler's, _HandlerNaps)
# Violates: "install a SIGTERM handler that only sets it". After setting the stop the
# handler sleeps 0.3 s "to give the workers a head start", blocking the main thread.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        time.sleep(0.3)

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
