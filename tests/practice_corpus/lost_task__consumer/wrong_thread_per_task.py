"""EXPECT: fail
FLAW: does each with `do(n)`, calling `tasks.task_done()` (before the work: the work runs in a thread nobody waits for)

A learner who "speeds up" the consumer by starting a thread per task.
"""
import threading


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        threading.Thread(target=do, args=(n,), daemon=True).start()
        tasks.task_done()
