# timeout-consumer, right (thirteenth session): get_nowait(), a 50 ms nap on an Event of its own
import queue
import threading


def consumer(jobs, stop, done):
    nap = threading.Event()
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            nap.wait(0.05)
            continue
        done(job)
