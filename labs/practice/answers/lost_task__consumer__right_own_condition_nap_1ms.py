# lost-task/consumer, right (right-answer round, thirteenth session; failed until PCT's FAIR):
# style: get_nowait() plus a 1 ms nap on a Condition of my own (wait with timeout, held lock)
import queue
import threading


def consumer(tasks, stop, do):
    cond = threading.Condition()
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            with cond:
                cond.wait(0.001)
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
