# expect: put None back on the queue: a consumer takes tasks and puts nothing back
# lost-task/consumer, wrong (twelfth hostile reading, eighteenth session): "nothing put back".
# Passed every grading: the check's own None left over hid the one it put. Any put of a
# consumer's is a failure now.
def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            tasks.put(None)
            return
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
