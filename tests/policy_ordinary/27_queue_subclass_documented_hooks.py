# found refused by a policy review's fourth round (twenty-eighth session), accepted since: the queue
# module documents _init, _qsize, _put and _get for subclasses
import queue


class PriorityQ(queue.Queue):
    """A queue that hands out the smallest item first (the documented way: override _init, _put, _get)."""

    def _init(self, maxsize):
        self.items = []

    def _qsize(self):
        return len(self.items)

    def _put(self, item):
        self.items.append(item)
        self.items.sort()

    def _get(self):
        return self.items.pop(0)

    def peek(self):
        with self.mutex:
            return self.items[0] if self._qsize() else None


def consumer(tasks, stop, do):
    q = PriorityQ()
    while not stop.is_set():
        q.put(tasks.get())
        do(q.get())
