"""EXPECT: fail
FLAW: the harness's ledgers written through the arguments (do.done and tasks.taken): a task dropped at the stop is marked done and its get() erased

A learner who drops the task in hand at the stop and then makes the ledgers say it was
done and never taken.
"""

def consumer(tasks, stop, do):
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        if stop.is_set():
            do.done[n] = do.done.get(n, 0) + 1  # "done"
            tasks.taken.pop()                  # "never taken"
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
