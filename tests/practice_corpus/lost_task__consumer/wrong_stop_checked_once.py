"""EXPECT: fail
FLAW: Between tasks, if `stop` is set, return (stop checked only before the loop)

A learner who checks the flag once at the start, as a guard.
"""


def consumer(tasks, stop, do):
    if stop.is_set():
        return
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
