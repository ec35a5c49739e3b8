# expect: task_done() after the work: consumer-
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        tasks.task_done()  # tells join() the task is finished before it is done
        if n is None:
            return
        do(n)
