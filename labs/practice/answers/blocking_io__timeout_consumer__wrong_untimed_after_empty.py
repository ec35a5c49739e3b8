# expect: every get() that blocks has a timeout: a get() that blocks with no timeout: consumer's get() #1
# (thirty-second session: a hostile round read "every get that blocks" as allowing this
# answer; the statement now says "every get that may block ..., even one after empty()
# said False")
def consumer(jobs, stop, done):
    while not stop.is_set():
        if jobs.empty():
            stop.wait(0.05)
            continue
        done(jobs.get())  # "not empty" now, but nothing says it still is at the get()
