# timeout-consumer, wrong (fourth hostile reading, eleventh session; passed 2 of 3
# gradings): counts idle time with time.process_time() (CPU time) and returns once
# 0.05 s of CPU passes without a job, with no stop.
import queue
import time


def consumer(jobs, stop, done):
    last = time.process_time()
    while not stop.is_set():
        if time.process_time() - last > 0.05:
            return
        try:
            job = jobs.get(timeout=0.02)
        except queue.Empty:
            continue
        done(job)
        last = time.process_time()
