"""EXPECT: fail
FLAW: Every task must be done exactly once (Queue.shutdown(immediate=True) throws the queued tasks away)

A learner on a new Python who found Queue.shutdown and the word "immediate".
"""


def shutdown(tasks, consumers):
    tasks.shutdown(immediate=True)
    for t in consumers:
        t.join()
