import collections


class Tally:
    def __init__(self):
        self._seen = collections.Counter()

    def count(self, n):
        self._seen[n] += 1


def one_task(tasks, do, tally):
    n = tasks.get()
    try:
        if n is None:
            return False
        do(n)
        tally.count(n)
        return True
    finally:
        tasks.task_done()


def consumer(tasks, stop, do):
    tally = Tally()
    while not stop.is_set() and one_task(tasks, do, tally):
        pass
