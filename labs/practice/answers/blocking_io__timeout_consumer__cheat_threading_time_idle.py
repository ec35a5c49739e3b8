# expect: your code, line 7: the private attribute ._time of a module is not allowed
# timeout-consumer, wrong (eleventh session; refused since the twenty-seventh): returns after
# 1.5 s without a job, with no stop: an idle timeout on threading's own clock, threading._time().
import queue
import threading

clock = getattr(threading, "_time")


def consumer(jobs, stop, done):
    last = clock()
    while not stop.is_set():
        if clock() - last > 1.5:
            return
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        done(job)
        last = clock()
