# ok13: reading an exception's __cause__ (exception chaining)
# refused before the twenty-seventh session (lost-task/consumer)
import logging


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            try:
                do(n)
            except Exception as e:
                logging.error("task %s failed (cause: %r)", n, e.__cause__)
                raise
        finally:
            tasks.task_done()
