# expect: one task_done() per get(): tasks.join() would wait while the queue is quiet
# lost-task/consumer, wrong (seventh hostile reading, thirteenth session; passed every grading until
# the seventeenth: a get() begun before the last task was marked done fails now)
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
