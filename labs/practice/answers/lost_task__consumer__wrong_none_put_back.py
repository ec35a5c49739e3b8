# expect: put None back on the queue: a consumer takes tasks and puts nothing back
# (the None put back for the others is never taken: a real tasks.join() waits for ever)
def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.put(None)  # leave the sentinel for the others
            tasks.task_done()
            return
        try:
            do(n)
        finally:
            tasks.task_done()
