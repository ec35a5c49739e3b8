# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# timeout-consumer, wrong (a known right answer until the seventeenth session): it looks at the
# stop only after a get(), so with the stop set before it starts it takes a job first. The
# statement now says "take no job once it is set (look at it before every get)"
import logging
import queue

log = logging.getLogger(__name__)


class _Consumer:
    TICK = 0.1

    def __init__(self, jobs, stop, done):
        self._jobs, self._stop, self._done = jobs, stop, done
        self._count = 0

    def run(self):
        while True:
            try:
                job = self._jobs.get(timeout=self.TICK)
            except queue.Empty:
                if self._stop.is_set():
                    break
                continue
            self._done(job)  # the job in hand first, then the stop
            self._count += 1
            if self._stop.is_set():
                break
        log.debug("stopped after %d jobs", self._count)


def consumer(jobs, stop, done):
    _Consumer(jobs, stop, done).run()


if __name__ == "__main__":
    import threading

    q, s = queue.Queue(), threading.Event()
    t = threading.Thread(target=consumer, args=(q, s, print))
    t.start()
    s.set()
    t.join()
