# (right-answer round, thirty-first session: failed with AttributeError until the check's
# proxies had threading's deprecated aliases, isSet() and getName(), as the real ones do)
# Right: look at stop (Event.isSet(), the older spelling of is_set()) before
# each get(); each task: do(n) then task_done(); None: task_done(), return.
def consumer(tasks, stop, do):
    while not stop.isSet():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
