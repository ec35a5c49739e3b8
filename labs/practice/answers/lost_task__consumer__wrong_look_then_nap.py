# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (seventh hostile reading, thirteenth session; passed every
# grading until the pause run, fourteenth session).
# Violates: "consumer-1 takes no task once its stop is set" -- it looks at the stop, then naps
# 50 ms on an Event of its own before taking a task, so a stop set during the nap is missed.
import queue
import threading


def consumer(tasks, stop, do):
    nap = threading.Event()
    while not stop.is_set():
        nap.wait(0.05)
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
