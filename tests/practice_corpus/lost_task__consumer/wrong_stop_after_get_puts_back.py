"""EXPECT: fail
FLAW: consumer-1 must take no task after its stop (takes one, then puts it back)

A learner who read about putting a task back and checks the flag after get().
"""


def consumer(tasks, stop, do):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        if stop.is_set():
            tasks.put(n)
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
