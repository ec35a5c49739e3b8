# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# blocking-io/timeout-consumer, wrong (twelfth hostile reading, eighteenth session): it
# looks at stop only every 3rd empty get(timeout=0.05), at most 150 ms late ("look at it
# before every get"). Passed every grading: a get begun after the stop found the queue empty. A job now comes with the stop, for such a get only.
import queue
def consumer(jobs, stop, done):
    empties = 0
    if stop.is_set():
        return
    while True:
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            empties += 1
            if empties % 3 == 0 and stop.is_set():
                return
            continue
        done(job)
        if stop.is_set():
            return
