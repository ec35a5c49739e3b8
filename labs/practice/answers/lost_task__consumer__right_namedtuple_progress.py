# lost-task/consumer, right (right-answer round, twenty-fourth session): a named tuple's
# public methods, _replace and _asdict, for a progress record. The policy refused them
# as private attributes until then.
import collections
import logging
import queue

log = logging.getLogger(__name__)
Progress = collections.namedtuple("Progress", "done last")


def consumer(tasks, stop, do):
    progress = Progress(done=0, last=None)
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            break
        do(n)
        tasks.task_done()
        progress = progress._replace(done=progress.done + 1, last=n)
    log.debug("consumer finished: %s", progress._asdict())
