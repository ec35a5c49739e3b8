# expect: every job taken was done: job 0 was passed to done() as '0', a str
# blocking-io/timeout-consumer, wrong (twelfth hostile reading, eighteenth session): passes
# each job to done() as text. Failed, but its message said the jobs were never passed to
# done(); it names the change of type now.
import queue
def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(str(job))
