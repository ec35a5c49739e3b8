"""EXPECT: error
FLAW: the frozen Exercise's harness replaced with object.__setattr__ (every run measures nothing, so no check applies)

A learner who found that a missing fact makes a check 'not apply' and that the
dataclass's frozen flag only guards normal assignment.
"""

from labs.practice import exercises

object.__setattr__(exercises.get('lost-task/shutdown'), "harness", lambda rep, *functions: {})


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
