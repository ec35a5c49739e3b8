"""EXPECT: fail
FLAW: return once `stop` is set (returns after 5 jobs, the number the check sends)

A learner who read "the check sends 5 jobs".
"""


def consumer(jobs, stop, done):
    for _ in range(5):
        done(jobs.get(timeout=5))
