# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Wrong: "calling `tasks.task_done()` ... after the work" -- it marks a task done only when it
# gets the next one, so while the queue is quiet the last finished task stays un-done and a
# tasks.join() of the producer hangs for no reason.
import queue


def consumer(tasks, stop, do):
    pending = False
    try:
        while not stop.is_set():
            try:
                n = tasks.get(timeout=0.1)
            except queue.Empty:
                continue
            if pending:
                tasks.task_done()
                pending = False
            if n is None:
                tasks.task_done()
                return
            do(n)
            pending = True
    finally:
        if pending:
            tasks.task_done()
