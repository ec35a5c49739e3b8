# expect: kept running through quiet periods: consumer-
# lost-task/consumer, wrong: returns once the queue has been empty for 1 s
# ("nobody is sending any more"), although neither None nor its stop came.
import queue
import time


def consumer(tasks, stop, do):
    last = time.monotonic()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            if time.monotonic() - last > 1.0:
                return  # a second without a task: we are done
            continue
        last = time.monotonic()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
