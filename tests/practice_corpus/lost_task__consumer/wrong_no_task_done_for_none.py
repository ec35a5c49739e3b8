"""EXPECT: fail
FLAW: The task `None` means "no more tasks": mark it done too, and return

A learner who thinks a sentinel is not a task.
"""


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            return
        do(n)
        tasks.task_done()
