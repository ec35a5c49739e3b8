# expect: returned before it got None, with no stop set (a quiet queue
# lost-task/consumer, wrong: gives up after 30 s without a task (a gap until the twenty-first
# session, when the quiet periods grew from 10 s of the consumers' waits to an hour)
import queue
import time


def consumer(tasks, stop, do):
    last = time.monotonic()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.5)
        except queue.Empty:
            if time.monotonic() - last > 30.0:
                return
            continue
        last = time.monotonic()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
