# expect: every job taken was done: job 0 was passed to done() as 0.0, a float
# blocking-io/timeout-consumer, wrong (tenth hostile reading, sixteenth session; passed every grading
# while jobs were compared with ==, and 1.0 == 1): "pass every job you take to done(job)":
# it passes done(float(job)), not the job it took.
import queue

def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        if isinstance(job, int) and not isinstance(job, bool):
            job = float(job)
        done(job)
