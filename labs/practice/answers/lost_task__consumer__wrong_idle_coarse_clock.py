# expect: kept running through quiet periods: consumer-
# lost-task/consumer, wrong: returns after 1 s without a task, measured on CLOCK_MONOTONIC_COARSE (clock id 6)
import queue
import time

COARSE = 6  # CLOCK_MONOTONIC_COARSE


def now():
    return time.clock_gettime(COARSE)


def consumer(tasks, stop, do):
    last = now()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            if now() - last > 1.0:
                return  # idle for a second: give up
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
        last = now()
