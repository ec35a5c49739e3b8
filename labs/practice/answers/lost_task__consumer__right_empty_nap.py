# lost-task/consumer, right: empty() look, naps time.sleep(0.02) while empty, then get_nowait(); task_done after do
import queue
import time


def consumer(tasks, stop, do):
    while not stop.is_set():
        if tasks.empty():
            time.sleep(0.02)
            continue
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        try:
            do(n)
        finally:
            tasks.task_done()
