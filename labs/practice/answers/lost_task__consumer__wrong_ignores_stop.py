# expect: no task taken after a stop: consumer-
def consumer(tasks, stop, do):
    while True:  # the queue docs' worker: it never looks at stop
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
