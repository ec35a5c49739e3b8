"""EXPECT: fail
FLAW: return only when they all have ended (tasks.join() instead of joining the threads)

A learner who thinks "every item acknowledged" means "every consumer returned".
"""


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    tasks.join()
