# expect: join() returned: did not return within 0.5 s
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            return
        do(n)  # no task_done(): join() waits for ever
