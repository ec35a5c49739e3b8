# expect: tasks.join() would wait for ever: no task_done() for consumer-1's get() of task
# consumer, wrong (hostile round, twenty-sixth session): "calling tasks.task_done() once for
# every get()": when a get() that was already waiting returns a real task after the stop was
# set, it does the task (it must be done) and leaves at once, forgetting that task's
# task_done() (tasks.join() then waits for ever).
# A gap until the twenty-seventh session: the check ended a get() already waiting at
# the stop with None only; after-last now ends it with the last task.
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        late = stop.is_set()
        if n is None:
            tasks.task_done()
            return
        do(n)
        if late:
            return
        tasks.task_done()
