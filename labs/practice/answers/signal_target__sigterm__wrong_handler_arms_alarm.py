# expect: your code ended the whole process: killed by SIGALRM
# (ninth hostile reading, fifteenth session; passed every grading)
# Caught since the twenty-first session: the real-time interval timer moves on with the check's clock (wire.Clock._timer_moved)
# "a SIGTERM handler ... that only sets it" -- it also arms a 10 s SIGALRM (default
# action: kill) as a hard deadline, cutting any item still in hand then.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    def on_term(signum, frame):
        stop.set()
        signal.alarm(10)
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
    signal.alarm(0)
