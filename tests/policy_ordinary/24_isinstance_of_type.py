# found refused by a policy review's second round (twenty-eighth session), accepted since:
import queue


class Stats:
    def __init__(self):
        self._seen = 0

    def saw(self):
        self._seen += 1


def is_class(x):
    return isinstance(x, type)


def consumer(tasks, stop, do):
    stats = Stats()
    while not stop.is_set():
        try:
            task = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        do(task)
        stats.saw()
