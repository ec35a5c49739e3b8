# expect: OverflowError: timestamp out of range
# (hostile round, thirty-first session: passed every grading while the check's lock and queue
# took arguments a real one refuses: measured on 3.10 to 3.15)
# WRONG (lost-task/consumer): "a queue that is empty for a while is not a reason to return"
# / "a consumer returns only on its None or its stop". It waits for a task with
# `tasks.get(timeout=math.inf)` ("a timeout, but for ever"): on a real queue.Queue that
# raises OverflowError ("timestamp out of range for platform time_t", CPython 3.11 on
# Linux) as soon as the queue is empty, and the consumer dies with an exception, its
# stop never seen and its None never taken.
import math
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get(timeout=math.inf)
        except queue.Empty:
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
