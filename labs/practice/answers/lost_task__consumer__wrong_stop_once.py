# expect: consumer-1 took no task after its stop: consumer-1 took task
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
