# expect: task_done() after the work: consumer-1 put task
# lost-task/consumer, wrong (fourth hostile reading, eleventh session): looks at its stop
# with a task in hand and puts the task back on the queue: a task taken is finished.
def consumer(tasks, stop, do):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        if stop.is_set():
            tasks.put(n)
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
