# refused for an hour of the twenty-eighth session by a rule on `.type` (since dropped):
import dataclasses
import queue
import threading


@dataclasses.dataclass
class Job:
    type: str
    payload: object = None


class Counter:
    def __init__(self):
        self._n = 0
        self._lock = threading.Lock()

    def bump(self):
        with self._lock:
            self._n += 1
            return self._n


def consumer(tasks, stop, do):
    done = Counter()
    while not stop.is_set():
        try:
            task = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        job = Job("run", task)
        if job.type == "run":
            do(job.payload)
            done.bump()
