"""EXPECT: fail
FLAW: return only when they all have ended (one t.join(0.05) each, not in a loop)

A learner who copied "always join with a timeout" and forgot the loop around it.
"""


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join(0.05)
