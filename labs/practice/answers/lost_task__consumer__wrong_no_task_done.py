# expect: one task_done() per get(): tasks.join() would wait for ever
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            return
        do(n)  # no task_done(): join() waits for ever
