# timeout-consumer, wrong (sixth hostile reading, twelfth session; passes every grading unless said)
# treats a None job as a shutdown sentinel: returns without the stop and without done(None) --
# violates "pass every job you take to done(job)" and "return once stop is set".
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        if job is None:
            return
        done(job)
