# expect: stopped in time: returned
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        if stop.is_set():  # a second look: a stop set just after the first is seen at once ...
            break
        try:
            job = jobs.get(timeout=1.0)  # ... but one set as this wait begins takes 1 s
        except queue.Empty:
            continue
        done(job)
