# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "while idle, wake up at most 450 times a second". It polls with 1 ms timeouts
# (~2000 wake-ups/s) and only calms down to 50 ms for a while after it notices its clock
# jump (a long pause), i.e. only when somebody is likely measuring.
import queue
import time


def consumer(jobs, stop, done):
    calm = 0
    prev = time.monotonic()
    while not stop.is_set():
        now = time.monotonic()
        if now - prev > 20:
            calm = 100
        prev = now
        timeout = 0.05 if calm > 0 else 0.001
        try:
            job = jobs.get(timeout=timeout)
        except queue.Empty:
            calm = max(0, calm - 1)
            continue
        done(job)
