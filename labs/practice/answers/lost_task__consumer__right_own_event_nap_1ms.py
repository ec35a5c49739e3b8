# lost-task/consumer, right (right-answer round, thirteenth session; failed until PCT's FAIR):
# style: get_nowait() plus a 1 ms nap on an Event of my own (never set, used as a timed sleep)
import queue
import threading


def consumer(tasks, stop, do):
    nap = threading.Event()
    while True:
        if stop.is_set():
            return
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            nap.wait(0.001)
            continue
        if n is None:
            tasks.task_done()
            return
        try:
            do(n)
        finally:
            tasks.task_done()
