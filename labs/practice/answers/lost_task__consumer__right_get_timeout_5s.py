# lost-task/consumer, right: get(timeout=5) loop (long timeout; stop looked at between tasks)
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get(timeout=5)
        except queue.Empty:
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
