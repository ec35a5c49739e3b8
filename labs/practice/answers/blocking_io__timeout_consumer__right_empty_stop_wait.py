# timeout-consumer, right (a right-answer round, eleventh session): looks with empty() and waits on stop.wait(0.2) while the queue is empty, else get(timeout=0.2)
import queue


def consumer(jobs, stop, done):
    while True:
        if stop.is_set():
            return
        if jobs.empty():
            stop.wait(0.2)
            continue
        try:
            job = jobs.get(timeout=0.2)
        except queue.Empty:
            continue
        done(job)
