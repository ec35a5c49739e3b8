# expect: kept running through quiet periods: consumer-
# lost-task/consumer, wrong: returns after 1 s idle, measured on CLOCK_TAI
import queue
import time


def now():
    return time.clock_gettime(time.CLOCK_TAI)


def consumer(tasks, stop, do):
    last = now()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            if now() - last > 1.0:
                return
            continue
        last = now()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
