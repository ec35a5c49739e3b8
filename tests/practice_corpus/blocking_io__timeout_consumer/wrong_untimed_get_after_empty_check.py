"""EXPECT: fail
FLAW: every blocking call needs a timeout (untimed get() after an empty() check)

A learner who thinks checking `empty()` first makes an untimed get() safe.
"""


def consumer(jobs, stop, done):
    while not stop.is_set():
        if jobs.empty():
            stop.wait(0.05)
            continue
        done(jobs.get())
