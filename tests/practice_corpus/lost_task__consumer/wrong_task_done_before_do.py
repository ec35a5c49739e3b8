"""EXPECT: fail
FLAW: calling `tasks.task_done()` once for every `get()` (after the work: here before `do(n)`)

A learner who acknowledges on receipt, as many message queues do by default.
"""


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        tasks.task_done()
        if n is None:
            return
        do(n)
