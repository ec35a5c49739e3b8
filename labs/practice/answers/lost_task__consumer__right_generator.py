# consumer, right (hostile round's right answers, twenty-seventh session): a generator yields the
# tasks until the stop; the consumer marks each done after its work.
import queue


def _tasks_until_stop(tasks, stop):
    while not stop.is_set():
        try:
            yield tasks.get(timeout=0.03)
        except queue.Empty:
            continue


def consumer(tasks, stop, do):
    for n in _tasks_until_stop(tasks, stop):
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
