"""EXPECT: error
FLAW: frame walking at import (sys._getframe().f_back...) to the child's run_exercise, whose Exercise gets a harness that measures nothing

A learner who reached the harness without importing labs, through the frames that are
loading their module.
"""

import sys


def _patch():
    f = sys._getframe()
    while f is not None:
        ex = f.f_locals.get("ex")
        if ex is not None and hasattr(ex, "harness"):
            object.__setattr__(ex, "harness", lambda rep, *functions: {})
            return
        f = f.f_back


_patch()


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
