"""EXPECT: pass

A `while True` with `get(timeout=...)`, so the stop is seen even while the queue is
empty.
"""
import queue


def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()  # after the work: once per get()
