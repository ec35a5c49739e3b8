import queue


def consumer(jobs, stop, done):
    # get_nowait() and, when nothing is there, stop.wait() as the timed wait
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            stop.wait(0.05)
            continue
        done(job)
