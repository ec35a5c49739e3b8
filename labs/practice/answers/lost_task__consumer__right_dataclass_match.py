"""A dataclass holding the consumer's state; a match statement on the task."""
import queue
from dataclasses import dataclass


@dataclass
class _Consumer:
    tasks: queue.Queue
    stop: object
    do: object
    done: int = 0

    def run(self):
        while True:
            if self.stop.is_set():
                return
            try:
                task = self.tasks.get(timeout=0.25)
            except queue.Empty:
                continue
            match task:
                case None:
                    self.tasks.task_done()
                    return
                case _:
                    try:
                        self.do(task)
                    finally:
                        self.tasks.task_done()
                    self.done += 1


def consumer(tasks, stop, do):
    _Consumer(tasks, stop, do).run()
