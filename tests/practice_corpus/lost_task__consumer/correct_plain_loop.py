"""EXPECT: pass

The textbook answer: check `stop` between tasks, `task_done()` after the work, and for
the `None` too.
"""


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
