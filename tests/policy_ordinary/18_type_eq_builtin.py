# type(n) == int in a file that has a class reading self._x
# refused before the twenty-eighth session (lost-task/consumer)
class Seen:
    def __init__(self):
        self._items = set()

    def add(self, n):
        if type(n) == int:
            self._items.add(n)


def consumer(tasks, stop, do):
    seen = Seen()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            seen.add(n)
            do(n)
        finally:
            tasks.task_done()
