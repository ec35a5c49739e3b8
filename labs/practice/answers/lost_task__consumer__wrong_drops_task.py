# expect: every task done exactly once: task(s)
def consumer(tasks, stop, do):
    while True:
        n = tasks.get()
        if n is None or stop.is_set():  # checks the stop after get(): drops the task
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
