from queue import Empty


def consumer(jobs, stop, done):
    while True:
        if stop.is_set():
            return
        try:
            job = jobs.get(True, 0.05)
        except Empty:
            continue
        done(job)
