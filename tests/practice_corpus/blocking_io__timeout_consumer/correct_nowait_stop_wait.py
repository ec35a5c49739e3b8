"""EXPECT: pass

`get_nowait()` and, when nothing is there, `stop.wait(0.05)` as the timed wait (at most
20 wake-ups a second while idle), with a print of each job while debugging.
"""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            stop.wait(0.05)
            continue
        print("consumer: job", job)
        done(job)
