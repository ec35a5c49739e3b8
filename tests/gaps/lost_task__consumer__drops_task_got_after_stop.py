# (hostile round, twenty-sixth session; see tests/gaps/README.md)
# lost-task/consumer, wrong: "Every task must be done exactly once" (a get() already waiting may
# still return one): when its waiting get() returns after the stop was set, it marks the item
# done and leaves without doing it ("stopped means stopped"), so such a task is never done.
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
