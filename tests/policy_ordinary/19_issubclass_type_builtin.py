# issubclass(type(e), ...) of builtin classes, in a file with a class reading self._x
# refused before the twenty-eighth session (lost-task/consumer)
class Log:
    def __init__(self):
        self._seen = []

    def note(self, e):
        if issubclass(type(e), ValueError):
            self._seen.append(str(e))


def consumer(tasks, stop, do):
    log = Log()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            try:
                do(n)
            except ValueError as e:
                log.note(e)
                raise
        finally:
            tasks.task_done()
