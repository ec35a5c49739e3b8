# timeout-consumer, right (a right-answer round, eleventh session): looks at qsize() and naps on stop.wait(0.1) while nothing is queued, else get(timeout=0.1)
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        if jobs.qsize() == 0:
            stop.wait(0.1)
            continue
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        done(job)
