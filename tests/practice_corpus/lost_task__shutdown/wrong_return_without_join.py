"""EXPECT: fail
FLAW: return only when they all have ended (puts the sentinels and returns)

A learner who thinks the sentinels are the whole shutdown.
"""


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
