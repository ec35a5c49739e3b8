"""EXPECT: fail
FLAW: Make every consumer end (a None, then join that consumer: another may take it, and the wait deadlocks)

A learner who pairs each sentinel with the consumer they think will take it.
"""


def shutdown(tasks, consumers):
    for t in consumers:
        tasks.put(None)
        t.join()
