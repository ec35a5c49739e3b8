"""EXPECT: fail
FLAW: and not spin (get_nowait in a tight loop)

A learner who avoids blocking altogether.
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            continue
        done(job)
