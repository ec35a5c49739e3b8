# expect: your code raised no exception: consumer-
import queue  # noqa: F401 - get_nowait() raises queue.Empty


def consumer(tasks, stop, do):
    while not stop.is_set():
        if tasks.empty():
            n = tasks.get()  # nothing there: wait for the next task
        else:
            n = tasks.get_nowait()  # one was there when we looked: another may have taken it
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
