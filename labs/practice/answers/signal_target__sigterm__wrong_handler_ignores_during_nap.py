# expect: the check never saw the stop set by your handler: SIGTERM came during your time.sleep(0.05)
# (sixteenth session, tenth hostile reading; passed every grading until the twenty-first:
# midway-5 now sends SIGTERM in the first nap after a look, GStart.hold_nap)
# "install a SIGTERM handler that only sets it": the handler drops a SIGTERM that arrives
# while the main thread is in its own nap (a flag says so), so a real SIGTERM during a nap
# is lost; it only sets the stop when the signal lands inside a look.
import signal
import threading
import time

_napping = [False]


def run(start_workers):
    stop = threading.Event()

    def handler(signum, frame):
        if _napping[0]:
            return  # "spurious": we were only napping
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            _napping[0] = True
            try:
                time.sleep(0.05)
            finally:
                _napping[0] = False
