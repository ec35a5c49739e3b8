# lost-task/consumer, right (right-answer round, twenty-fourth session): a dataclass of stats
# with a private field, written in the function and passed to a helper whose parameter has
# the same name. The policy refused it until it read names per scope.
import queue
import time
from dataclasses import dataclass, field


@dataclass
class Stats:
    done: list = field(default_factory=list)
    busy_s: float = 0.0
    _last: float = field(default=0.0, repr=False)


def _handle(n, do, stats):
    t0 = time.monotonic()
    do(n)
    stats.busy_s += time.monotonic() - t0
    stats.done.append(n)


def consumer(tasks, stop, do) -> Stats:
    stats = Stats()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=1.0)
        except queue.Empty:
            stats._last = time.monotonic()
            continue
        try:
            if n is None:
                break
            _handle(n, do, stats)
        finally:
            tasks.task_done()
    return stats
