"""Reference solution: blocking-io/timeout-consumer."""
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)  # sees the stop in about 50 ms; 20 timeouts a second
        except queue.Empty:
            continue
        done(job)
