# timeout-consumer, right (thirteenth session): get_nowait(), a 50 ms time.sleep when empty
import queue
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            time.sleep(0.05)
            continue
        done(job)
