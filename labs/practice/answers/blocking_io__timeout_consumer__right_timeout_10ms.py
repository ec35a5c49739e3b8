# timeout-consumer, right (right-answer round, twelfth session): get(timeout=0.01) and a look
# at stop every round. It failed every grading at "at most 250 wake-ups a second" (measured
# 335 to 363), which the statement said a 10 ms loop would meet; the limit is 450 now
import queue


def consumer(jobs, stop, done):
    while True:
        if stop.is_set():
            break
        try:
            job = jobs.get(True, 0.01)
        except queue.Empty:
            continue
        done(job)
