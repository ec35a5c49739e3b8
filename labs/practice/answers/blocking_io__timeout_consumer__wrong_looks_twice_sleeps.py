# expect: stopped in time: returned
import queue
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        if stop.is_set():  # a second look, right before the queue
            break
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            time.sleep(0.5)  # a nap between polls instead of a blocking get
            continue
        done(job)
