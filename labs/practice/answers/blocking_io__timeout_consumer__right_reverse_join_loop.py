# timeout-consumer, right (fourteenth session): done(job) in a thread per job; after the stop
# it joins them newest first, each in a loop of timed joins (HelperHold lets held calls go
# oldest first: this loop waits through the others' until its own goes on)
import queue
import threading


def consumer(jobs, stop, done):
    helpers = []
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        t = threading.Thread(target=done, args=(job,))
        t.start()
        helpers.append(t)
    for t in reversed(helpers):
        while t.is_alive():
            t.join(0.05)
