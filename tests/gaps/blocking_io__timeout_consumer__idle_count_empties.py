# timeout-consumer, wrong: returns after 300 empty polls in a row (15 s without a job)
import queue


def consumer(jobs, stop, done):
    empties = 0
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            empties += 1
            if empties >= 300:
                return
            continue
        empties = 0
        done(job)
