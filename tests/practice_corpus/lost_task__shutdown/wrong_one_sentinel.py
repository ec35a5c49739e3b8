"""EXPECT: fail
FLAW: Make every consumer end (one None for all consumers)

A learner who reads None as "the end of the queue", one for everybody.
"""


def shutdown(tasks, consumers):
    tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.1)
