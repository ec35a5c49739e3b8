# expect: every task done exactly once: task(s)
# consumer, wrong (hostile round, twenty-sixth session): "Every task must be done exactly once"
# (a get() already waiting may still return one): when its waiting get() returns after the stop
# was set, it marks the item done and leaves without doing it ("stopped means stopped"), so
# such a task is never done.
# A gap until the twenty-seventh session: the check ended a get() already waiting at
# the stop with None only; after-last now ends it with the last task.
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if stop.is_set():
            tasks.task_done()
            return
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
