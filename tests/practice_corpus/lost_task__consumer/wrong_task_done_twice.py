"""EXPECT: fail
FLAW: calling `tasks.task_done()` once for every `get()` (twice per task)

A learner who added a finally for safety and kept the explicit call too.
"""


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
            tasks.task_done()
        finally:
            tasks.task_done()
