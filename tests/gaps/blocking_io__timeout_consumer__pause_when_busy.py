# (right-answer and hostile round, nineteenth session; passes every grading)
# blocking-io/timeout-consumer, wrong: "look at it before every get", but it naps 5 ms
# between its look and its get whenever a job is waiting. The idle run watches pauses
# after a look only once the queue is empty; the busy run sets the stop as a get hands
# out job 2, never in a pause.
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
