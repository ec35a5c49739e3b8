# getattr(self, "_ticks", 0) in a method of its own class (read as self._ticks)
# refused before the twenty-eighth session (lost-task/consumer)
class Progress:
    def tick(self):
        self._ticks = getattr(self, "_ticks", 0) + 1


def consumer(tasks, stop, do):
    p = Progress()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
            p.tick()
        finally:
            tasks.task_done()
