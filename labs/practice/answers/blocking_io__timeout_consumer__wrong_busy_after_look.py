# expect: no job taken after the stop: job(s)
# blocking-io/timeout-consumer, wrong (right-answer and hostile round, nineteenth session;
# passed every grading until the same session's pauses.StopAtPause)
# Violates "look at it before every get": it computes 8 ms of CPU (no call) between its look
# and its get (20 ms until the twenty-first session: its idle runs then spent 4 s of CPU in
# the quiet period's 200 gets, over their budget under a fresh-clone CI's make test, and
# its first failure was whichever run came first). Its CPU is read as the look answers and
# as the get arrives, the thread blocked for the grader's reply; 5 ms or more, and the stop
# is set as if just before that get, which takes a job after the stop.
import queue
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        end = time.thread_time() + 0.008  # "prepare" the next get: 8 ms of CPU, no call
        while time.thread_time() < end:
            pass
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
