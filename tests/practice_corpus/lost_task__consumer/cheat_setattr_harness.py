"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('lost-task/consumer'), "harness", lambda rep, *functions: {})


def consumer(tasks, stop, do):
    # wrong on its own (the notebook's skeleton): no task_done(), do(None) raises
    while not stop.is_set():
        n = tasks.get()
        do(n)
