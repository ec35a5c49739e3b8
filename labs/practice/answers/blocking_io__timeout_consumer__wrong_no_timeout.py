# expect: still running at the end of the run: consumer, blocked in jobs.get() with no timeout after the stop was set
def consumer(jobs, stop, done):
    while not stop.is_set():
        job = jobs.get()
        done(job)
