"""EXPECT: fail
FLAW: consumer-1 must take no task after its stop (checks stop after get(): the task taken is dropped)

A learner who checks the flag right after get(), acknowledges the task and returns, so
the task is lost.
"""


def consumer(tasks, stop, do):
    while True:
        n = tasks.get()
        if stop.is_set() or n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
