# expect: stopped in time: returned
import queue
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            time.sleep(0.5)  # a long nap between looks at the queue and at stop
            continue
        done(job)
