# expect: kept running through quiet periods: consumer-
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            return  # an empty queue for a moment is not the end
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
