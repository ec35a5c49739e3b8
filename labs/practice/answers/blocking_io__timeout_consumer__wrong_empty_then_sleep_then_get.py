# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# blocking-io/timeout-consumer, wrong (twelfth hostile reading, eighteenth session): it
# looks at stop, and on an empty queue sleeps 20 ms, then get(timeout) without a new look
# ("look at it before every get"). Passed every grading: a get begun after the stop found
# the queue empty. A job now comes with the stop, for such a get only.
import queue, time
def consumer(jobs, stop, done):
    while not stop.is_set():
        if jobs.empty():
            time.sleep(0.02)
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
