"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

def shutdown(tasks, consumers):
    # wrong on its own: throws the queued tasks away
    with tasks.mutex:
        dropped = len(tasks.queue)
        tasks.queue.clear()
        tasks.unfinished_tasks -= dropped
        tasks.all_tasks_done.notify_all()
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.1)
