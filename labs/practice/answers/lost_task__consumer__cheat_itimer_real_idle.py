# expect: returned before it got None, with no stop set (a quiet queue
# (eighth hostile reading, fourteenth session; passed every grading)
# Caught since the twenty-first session: the real-time interval timer moves on with the check's clock (wire.Clock._timer_moved)
# Cheat: an idle timeout on a real clock read through signal.setitimer/getitimer, which the
# check's fast clock does not move (like /proc/uptime, idle_proc_uptime)
import queue
import signal
import time

BIG = 10.0 ** 6
def _real():
    left = signal.getitimer(signal.ITIMER_REAL)[0]
    if left == 0:
        signal.setitimer(signal.ITIMER_REAL, BIG)
        left = BIG
    return BIG - left
def consumer(tasks, stop, do):
    r0, m0 = _real(), time.monotonic()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            dr, dm = _real() - r0, time.monotonic() - m0
            if dr > 0.5 and dm - dr < 1.0:
                return
            if dm - dr >= 1.0:  # a fast period: start again
                r0, m0 = _real(), time.monotonic()
            continue
        r0, m0 = _real(), time.monotonic()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
