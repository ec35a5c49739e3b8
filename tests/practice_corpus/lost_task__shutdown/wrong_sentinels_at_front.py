"""EXPECT: fail
FLAW: Make every consumer end once every task is done (the sentinels jump the queue: tasks are thrown away)

A learner who wants the shutdown to be "urgent" and puts the None at the front.
"""


def shutdown(tasks, consumers):
    with tasks.mutex:
        for _ in consumers:
            tasks.queue.appendleft(None)
            tasks.unfinished_tasks += 1
        tasks.not_empty.notify_all()
    for t in consumers:
        t.join()
