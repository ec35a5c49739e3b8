# found refused by a policy review's third round (twenty-eighth session), accepted since:
import dataclasses
import queue


@dataclasses.dataclass
class Worker:
    func: object
    handled: int = 0

    def handle(self, task):
        self.func(task)
        self.handled += 1


def consumer(tasks, stop, do):
    worker = Worker(do)
    while not stop.is_set():
        try:
            task = tasks.get(timeout=0.2)
        except queue.Empty:
            continue
        try:
            worker.handle(task)
        finally:
            tasks.task_done()
