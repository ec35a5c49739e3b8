# hasattr(self, "_count") in a method of its own class: lazy initialisation (read as self._count)
# refused before the twenty-eighth session (lost-task/consumer)
class Stats:
    def bump(self):
        if not hasattr(self, "_count"):
            self._count = 0
        self._count += 1
        return self._count


def consumer(tasks, stop, do):
    stats = Stats()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
            stats.bump()
        finally:
            tasks.task_done()
