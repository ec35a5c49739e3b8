"""EXPECT: fail
FLAW: The task `None` means "no more tasks": mark it done too, and return (puts the None back for the others)

A learner who knows the "one sentinel, passed along" pattern and puts the None back,
leaving an extra unfinished item that keeps join() waiting.
"""


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.put(None)
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
