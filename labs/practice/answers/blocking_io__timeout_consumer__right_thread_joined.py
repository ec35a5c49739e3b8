# timeout-consumer, right (thirteenth session): done(job) in a thread per job, joined at once
import queue
import threading


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        t = threading.Thread(target=done, args=(job,))
        t.start()
        t.join()
