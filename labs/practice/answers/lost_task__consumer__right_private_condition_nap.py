# lost-task/consumer, right (thirteenth session): get_nowait(); when empty, a 50 ms wait on a
# Condition of its own (settled under the explorer, as the Event nap is)
import queue
import threading


def consumer(tasks, stop, do):
    cv = threading.Condition()
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            with cv:
                cv.wait(0.05)
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
