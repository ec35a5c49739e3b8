# lost-task/shutdown, right (hostile round, twenty-fourth session): joins each consumer with
# the time left until a soft deadline, then untimed. The deadline has passed, so the time
# left is negative: Thread.join returns at once for it, as CPython's does (the check raised
# ValueError there until then).
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.monotonic() - 1
    for t in consumers:
        t.join(deadline - time.monotonic())
    for t in consumers:
        t.join()
