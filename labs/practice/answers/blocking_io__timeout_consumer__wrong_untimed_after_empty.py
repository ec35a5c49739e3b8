# expect: every get() that blocks has a timeout: a get() that blocks with no timeout: consumer's get() #1
def consumer(jobs, stop, done):
    while not stop.is_set():
        if jobs.empty():
            stop.wait(0.05)
            continue
        done(jobs.get())  # "not empty" now, but nothing says it still is at the get()
