# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, cheat (eighth hostile reading, fourteenth session; passed every grading
# until then): gives up after 40 empty gets, but makes each first get after a job with a
# 0.0001 s timeout: the check read it as a fast poller and skipped its fast quiet period
import queue


def consumer(jobs, stop, done):
    empties = 0
    first = True
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.0001 if first else 0.05)
        except queue.Empty:
            first = False
            empties += 1
            if empties >= 40:
                return
            continue
        empties = 0
        first = True
        done(job)
