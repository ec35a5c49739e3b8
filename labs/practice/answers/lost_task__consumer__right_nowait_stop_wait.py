# lost-task/consumer, right: get_nowait, waits 0.05 s on its stop when empty
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            stop.wait(0.05)
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
