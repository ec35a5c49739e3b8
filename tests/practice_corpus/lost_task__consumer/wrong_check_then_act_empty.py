"""EXPECT: fail
FLAW: The task `None` means "no more tasks" (check-then-act: returns on empty(), or blocks after it)

A learner who uses `empty()` as the loop condition.
"""


def consumer(tasks, stop, do):
    while not stop.is_set() and not tasks.empty():
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
