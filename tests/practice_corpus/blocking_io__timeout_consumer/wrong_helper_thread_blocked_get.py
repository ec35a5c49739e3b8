"""EXPECT: fail
FLAW: every blocking call needs a timeout (a daemon helper thread is left blocked in get() and eats the next job)

A learner who moves the untimed get() into a helper thread and waits on the flag.
"""
import threading


def consumer(jobs, stop, done):
    def pump():
        while True:
            job = jobs.get()
            done(job)

    threading.Thread(target=pump, daemon=True).start()
    while not stop.wait(0.1):
        pass
