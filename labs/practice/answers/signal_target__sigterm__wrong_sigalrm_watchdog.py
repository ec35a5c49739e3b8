# expect: the stop was set by the SIGTERM handler: your code set the stop before any SIGTERM was sent
# (twelfth hostile reading, eighteenth session; passed every grading)
# Caught since the twenty-first session: the real-time interval timer moves on with the check's clock (wire.Clock._timer_moved)
# "the stop must be set by your handler, after SIGTERM": the same handler is installed on
# SIGALRM too, with alarm(2): a kernel timer in real time, outside the check's clocks (the
# 1 s and 0.3 s versions fail, in the late run); like cheat_itimer_real_idle.
import signal
import threading


def run(start_workers):
    stop = threading.Event()

    def h(signum, frame):
        stop.set()
    signal.signal(signal.SIGTERM, h)
    signal.signal(signal.SIGALRM, h)
    signal.alarm(2)
    try:
        for t in start_workers(stop):
            while t.is_alive():
                t.join(0.1)
    finally:
        signal.alarm(0)
