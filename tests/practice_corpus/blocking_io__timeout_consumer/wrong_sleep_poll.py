"""EXPECT: fail
FLAW: It must stop within 250 ms (time.sleep(0.5) between looks at the queue)

A learner who polls with sleep.
"""
import queue
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            time.sleep(0.5)
            continue
        done(job)
