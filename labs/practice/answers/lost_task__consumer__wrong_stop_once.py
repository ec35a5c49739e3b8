# expect: no task taken after a stop: consumer-
def consumer(tasks, stop, do):
    if stop.is_set():  # looks at stop once, before the loop
        return
    while True:
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
