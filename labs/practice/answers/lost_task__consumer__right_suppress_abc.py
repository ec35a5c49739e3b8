# right (right-answer round, seventeenth session): refused until then (abc was not on the check's
# list of imports)
# Right: an abstract base class and a concrete consumer; `contextlib.suppress(queue.Empty)` around a timed `get` (an empty queue only loops); looks at `stop` right before each get; `task_done()` once per `get()`, after `do(n)`; returns on `None` (marked done) or the stop.
import abc
import contextlib
import queue


class Loop(abc.ABC):
    @abc.abstractmethod
    def handle(self, n) -> bool: ...

    def run(self, tasks, stop):
        while not stop.is_set():
            got = False
            with contextlib.suppress(queue.Empty):
                n = tasks.get(timeout=0.1)
                got = True
            if got and not self.handle(n):
                return


class TaskLoop(Loop):
    def __init__(self, tasks, do):
        self.tasks, self.do = tasks, do

    def handle(self, n):
        if n is None:
            self.tasks.task_done()
            return False
        self.do(n)
        self.tasks.task_done()
        return True


def consumer(tasks, stop, do):
    TaskLoop(tasks, do).run(tasks, stop)
