# lost-task/consumer, right (hostile round, twenty-fourth session): after an empty get it
# naps on its stop for the time left until a deadline, which may be negative: Event.wait
# returns at once for it, as CPython's does (the check raised ValueError there until then).
import queue
import time


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            deadline = time.monotonic() + 0.01
            stop.wait(deadline - time.monotonic() - 0.02)
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
