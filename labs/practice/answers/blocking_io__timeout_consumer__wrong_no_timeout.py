# expect: every thread ended: still running 1 s after the stop: consumer in consumer
def consumer(jobs, stop, done):
    while not stop.is_set():
        job = jobs.get()
        done(job)
