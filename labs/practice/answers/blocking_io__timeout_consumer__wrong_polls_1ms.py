# expect: no busy polling while idle:
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)  # a thousand wake-ups a second while idle
        except queue.Empty:
            continue
        done(job)
