"""EXPECT: fail
FLAW: Every task must be done exactly once (clears the queue before the sentinels)

A learner who thinks shutdown means "drop what is pending".
"""


def shutdown(tasks, consumers):
    with tasks.mutex:
        dropped = len(tasks.queue)
        tasks.queue.clear()
        tasks.unfinished_tasks -= dropped
        tasks.all_tasks_done.notify_all()
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
