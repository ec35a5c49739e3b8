# lost-task/consumer, right: get_nowait, naps 0.05 s when empty; returns only on None or stop
import queue
import time


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            time.sleep(0.05)
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
