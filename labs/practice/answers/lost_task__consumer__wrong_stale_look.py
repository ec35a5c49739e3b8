# expect: no task taken after a stop: consumer-
def consumer(tasks, stop, do):
    stopping = stop.is_set()
    while not stopping:
        n = tasks.get()
        try:
            if n is None:
                return
            stopping = stop.is_set()  # looked at with a task in hand, used for the next get
            do(n)
        finally:
            tasks.task_done()
