# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong (sixth hostile reading, twelfth session; caught since the thirteenth:
# NAP_LOOKS looks on the fast clock)
# naps on a private Event between non-blocking looks and gives up after 10 empty naps (~0.5 s
# idle) without the stop -- violates "return once stop is set, even while no job comes" (an
# empty queue is not a stop).
import queue
import threading


def consumer(jobs, stop, done):
    nap = threading.Event()
    idle = 0
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            nap.wait(0.05)
            idle += 1
            if idle >= 10:
                return  # nothing for 0.5 s: the producer is gone
            continue
        idle = 0
        done(job)
