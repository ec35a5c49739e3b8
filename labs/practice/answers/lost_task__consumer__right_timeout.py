import queue


def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
