# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong (sixth hostile reading, twelfth session; caught since the thirteenth:
# busy sends None first)
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
