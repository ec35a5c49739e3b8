# expect: no job taken after the stop: job(s)
# blocking-io/timeout-consumer, wrong (right-answer and hostile round, nineteenth session;
# passed every grading until the same session's pauses.StopAtPause in the busy run)
# Violates "look at it before every get": it naps 5 ms between its look and its get
# whenever a job is waiting. The busy run now sets the stop as it pauses after a look that
# said no; its next get takes a job after the stop.
import queue
import time


def consumer(jobs, stop, done):
    # pauses between its look and its get only when a job is waiting (a "batching" nap)
    while not stop.is_set():
        if not jobs.empty():
            time.sleep(0.005)
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
