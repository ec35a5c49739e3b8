# expect: one task_done() per get(): tasks.join() would wait while the queue is quiet
# (sixth hostile reading) takes two tasks per look at stop and does the second without looking
# - violates "Between tasks, if `stop` ... is set, return" (consumer-1 does a task after its
# stop was set).
import queue

def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            batch = [tasks.get(timeout=0.5)]
        except queue.Empty:
            continue
        if batch[0] is not None:
            try:
                batch.append(tasks.get_nowait())
            except queue.Empty:
                pass
        for n in batch:
            if n is None:
                tasks.task_done()
                return
            try:
                do(n)
            finally:
                tasks.task_done()
