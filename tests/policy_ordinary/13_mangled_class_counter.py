# ok06: a name-mangled class attribute (Stats.__made), counted in __init__
# refused before the twenty-seventh session (lost-task/consumer)
class Stats:
    __made = 0

    def __init__(self):
        Stats.__made += 1
        self.done = 0


def consumer(tasks, stop, do):
    stats = Stats()
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
            stats.done += 1
        finally:
            tasks.task_done()
