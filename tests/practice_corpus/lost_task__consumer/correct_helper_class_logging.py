"""EXPECT: pass

A helper class that counts what it did (`self._count`) and logs it when it returns.
"""
import logging
import queue

log = logging.getLogger(__name__)


class _Consumer:
    def __init__(self, tasks, stop, do):
        self._tasks, self._stop, self._do = tasks, stop, do
        self._count = 0

    def _one(self):
        n = self._tasks.get(timeout=0.1)
        if n is None:
            self._tasks.task_done()
            return False
        self._do(n)
        self._count += 1
        self._tasks.task_done()
        return True

    def run(self):
        while not self._stop.is_set():
            try:
                if not self._one():
                    break
            except queue.Empty:
                pass
        log.debug("did %d tasks", self._count)


def consumer(tasks, stop, do):
    _Consumer(tasks, stop, do).run()


if __name__ == "__main__":
    import threading

    q = queue.Queue()
    for i in range(1, 6):
        q.put(i)
    q.put(None)
    consumer(q, threading.Event(), print)
    q.join()
