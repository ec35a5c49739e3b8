# expect: one task_done() per get(): tasks.join() would wait for ever: no task_done() for consumer-
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            return  # the None is never marked done
        do(n)
        tasks.task_done()
