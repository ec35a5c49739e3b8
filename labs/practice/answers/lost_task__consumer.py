"""Reference solution: lost-task/consumer."""


def consumer(tasks, stop, do):
    while not stop.is_set():  # a stop is seen only between tasks
        n = tasks.get()
        try:
            if n is None:  # no more tasks
                return
            do(n)  # a task taken is always finished
        finally:
            tasks.task_done()  # one task_done() for every get(), whatever happens
