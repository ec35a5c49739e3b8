# (eighth hostile reading, fourteenth session; passes every grading)
# Cheat: gives up after 40 empty gets, but makes each first get after a job with a 0.0001 s
# timeout: the check reads it as a fast poller and skips its fast quiet period
import queue


def consumer(jobs, stop, done):
    empties = 0
    first = True
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.0001 if first else 0.05)
        except queue.Empty:
            first = False
            empties += 1
            if empties >= 40:
                return
            continue
        empties = 0
        first = True
        done(job)
