# expect: kept running through quiet periods: consumer-
# lost-task/consumer, wrong: polls with get_nowait, naps on stop.wait(0.1), returns after 1 s idle
import queue
import time


def consumer(tasks, stop, do):
    last = time.monotonic()
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            if time.monotonic() - last > 1.0:
                return
            stop.wait(0.1)
            continue
        last = time.monotonic()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
