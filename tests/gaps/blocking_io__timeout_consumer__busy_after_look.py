# (right-answer and hostile round, nineteenth session; passes every grading)
# blocking-io/timeout-consumer, wrong: "look at it before every get", but it computes about
# 6 ms (no call) between its look and its get. The statement promises to catch a consumer
# asleep after its look; lost-task/consumer's pause run also catches a busy one (5 ms of
# CPU read as the get arrives), this exercise does not.
import queue


def _spin():
    # ~20 ms of pure Python, no call, no clock
    s = 0
    for i in range(100000):
        s += i * i % 7
    return s


def consumer(jobs, stop, done):
    while not stop.is_set():
        _spin()
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
