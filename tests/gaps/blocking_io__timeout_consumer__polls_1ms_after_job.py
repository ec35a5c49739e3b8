# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "wake up at most 450 times a second while idle": polls every 1 ms for a second
# after each job, outside the windows the kernel watches (like spin_after_job)
import queue
import time


def consumer(jobs, stop, done):
    last = time.monotonic()
    while not stop.is_set():
        t = 0.001 if time.monotonic() - last < 1.0 else 0.05
        try:
            job = jobs.get(timeout=t)
        except queue.Empty:
            continue
        done(job)
        last = time.monotonic()
