"""EXPECT: fail
FLAW: Make every consumer end (exactly 3 sentinels, whatever len(consumers))

A learner who read "three consumers" in the check's description and hard-coded it.
"""


def shutdown(tasks, consumers):
    for _ in range(3):
        tasks.put(None)
    for t in consumers:
        t.join()
