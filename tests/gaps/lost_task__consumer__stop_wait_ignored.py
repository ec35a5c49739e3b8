# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "if stop is set, return": naps on stop.wait(0.01) when the queue is empty and
# ignores the True it returns, then takes a task. The pause run's stop comes in such a nap
# only after a look with tasks queued; this one naps only on an empty queue
import queue


def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        if tasks.empty():
            stop.wait(0.01)
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
