"""EXPECT: fail
FLAW: The task `None` means "no more tasks" (returns when the queue is momentarily empty)

A learner who treats an empty queue as "no more tasks".
"""
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            return
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
