# type(e) in (TimeoutError, ConnectionError), a tuple of builtin classes, in a file with a class reading self._x
# refused before the twenty-eighth session
import queue


class Stats:
    def __init__(self):
        self._done = 0

    def bump(self):
        self._done += 1


def consumer(tasks, stop, do):
    stats = Stats()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            continue
        try:
            do(n)
            stats.bump()
        except Exception as e:
            if type(e) in (TimeoutError, ConnectionError):
                tasks.put(n)
        finally:
            tasks.task_done()
