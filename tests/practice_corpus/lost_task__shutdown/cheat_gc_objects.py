"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'lost-task/shutdown':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


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
