"""EXPECT: pass

A helper class that counts jobs in `self._count` and logs it, with a `__main__` block.
"""
import logging
import queue

log = logging.getLogger(__name__)


class _Consumer:
    TIMEOUT = 0.1

    def __init__(self, jobs, stop, done):
        self._jobs, self._stop, self._done = jobs, stop, done
        self._count = 0

    def run(self):
        while not self._stop.is_set():
            try:
                job = self._jobs.get(timeout=self.TIMEOUT)
            except queue.Empty:
                continue
            self._done(job)
            self._count += 1
        log.debug("stopped after %d jobs", self._count)


def consumer(jobs, stop, done):
    _Consumer(jobs, stop, done).run()


if __name__ == "__main__":
    import threading

    q, s = queue.Queue(), threading.Event()
    t = threading.Thread(target=consumer, args=(q, s, print))
    t.start()
    for i in range(5):
        q.put(i)
    s.wait(0.3)
    s.set()
    t.join()
