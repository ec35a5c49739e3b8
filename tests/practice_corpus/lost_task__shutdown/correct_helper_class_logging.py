"""EXPECT: pass

A helper class with private state and logging, and a `__main__` block to try it.
"""
import logging

log = logging.getLogger(__name__)


class _Drain:
    def __init__(self, tasks, consumers):
        self._tasks = tasks
        self._consumers = list(consumers)
        self._count = 0

    def send_sentinels(self):
        for _ in self._consumers:
            self._tasks.put(None)
            self._count += 1

    def wait(self):
        for t in self._consumers:
            while t.is_alive():
                t.join(timeout=0.2)
            log.debug("%s ended", t.name)


def shutdown(tasks, consumers):
    d = _Drain(tasks, consumers)
    d.send_sentinels()
    d.wait()


if __name__ == "__main__":
    import queue
    import threading

    q = queue.Queue()

    def consume():
        while (n := q.get()) is not None:
            q.task_done()
        q.task_done()

    for i in range(9):
        q.put(i)
    ts = [threading.Thread(target=consume) for _ in range(4)]
    for t in ts:
        t.start()
    shutdown(q, ts)
    print("all ended:", not any(t.is_alive() for t in ts))
