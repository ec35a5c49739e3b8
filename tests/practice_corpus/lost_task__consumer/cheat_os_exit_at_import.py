"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

def consumer(tasks, stop, do):
    # wrong on its own (the notebook's skeleton): no task_done(), do(None) raises
    while not stop.is_set():
        n = tasks.get()
        do(n)
