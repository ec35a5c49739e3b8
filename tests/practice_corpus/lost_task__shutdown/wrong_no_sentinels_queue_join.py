"""EXPECT: fail
FLAW: Make every consumer end (no sentinel: consumers stay blocked in get())

A learner who waits for the work to be done and thinks the threads end by themselves.
"""


def shutdown(tasks, consumers):
    tasks.join()
