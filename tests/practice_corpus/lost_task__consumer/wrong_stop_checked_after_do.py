"""EXPECT: fail
FLAW: Between tasks, if `stop` is set, return (checked only after a task: takes one after a stop set before it started)

A learner who likes `iter(tasks.get, None)` and checks the flag at the end of the body.
"""


def consumer(tasks, stop, do):
    for n in iter(tasks.get, None):
        do(n)
        tasks.task_done()
        if stop.is_set():
            return
    tasks.task_done()
