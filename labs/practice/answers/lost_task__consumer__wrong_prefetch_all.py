# expect: one task_done() per get(): tasks.join() would wait while the queue is quiet
# (sixth hostile reading) grabs every task that is queued into a private list, then works
# through it without looking at stop - violates "Between tasks, if `stop` ... is set, return".
import queue

def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            batch = [tasks.get(timeout=0.5)]
        except queue.Empty:
            continue
        while batch[-1] is not None:
            try:
                batch.append(tasks.get_nowait())
            except queue.Empty:
                break
        for n in batch:
            if n is None:
                tasks.task_done()
                return
            try:
                do(n)
            finally:
                tasks.task_done()
