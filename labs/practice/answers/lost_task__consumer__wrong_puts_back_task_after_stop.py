# expect: task_done() after the work: consumer-1 put task
# consumer, wrong (hostile round, twenty-sixth session): "nothing put back": when a get() that
# was already waiting returns a real task after the stop was set, it puts the task back for the
# other consumers (and marks its own get() done) instead of doing it.
# A gap until the twenty-seventh session: the check ended a get() already waiting at
# the stop with None only; after-last now ends it with the last task.
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is not None and stop.is_set():
            tasks.put(n)
            tasks.task_done()
            return
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
