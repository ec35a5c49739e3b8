# ok07: functools imported under an alias; @ft.cached_property on a method reading self._x
# refused before the twenty-seventh session (lost-task/consumer)
import functools as ft
import threading


class Guard:
    def __init__(self):
        self._made = 0

    @ft.cached_property
    def lock(self):
        self._made += 1
        return threading.Lock()


def consumer(tasks, stop, do):
    g = Guard()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            with g.lock:
                do(n)
        finally:
            tasks.task_done()
