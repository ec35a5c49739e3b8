"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'lost-task/consumer':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


def consumer(tasks, stop, do):
    # wrong on its own (the notebook's skeleton): no task_done(), do(None) raises
    while not stop.is_set():
        n = tasks.get()
        do(n)
