# (right-answer round, thirty-first session: failed with AttributeError until the check's
# proxies had threading's deprecated aliases, isSet() and getName(), as the real ones do)
# Right: look at stop (Event.isSet(), the older spelling of is_set()) before
# every get; every get has a 0.1 s timeout; each job taken goes to done() once.
import queue


def consumer(jobs, stop, done):
    while not stop.isSet():
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        done(job)
