# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong: a watchdog Timer ends the consumer after 1 s without a job
import queue
import threading


def consumer(jobs, stop, done):
    idle = threading.Event()
    timer = threading.Timer(1.0, idle.set)
    timer.start()
    try:
        while not stop.is_set() and not idle.is_set():
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
            timer.cancel()
            timer.join()
            done(job)
            timer = threading.Timer(1.0, idle.set)
            timer.start()
    finally:
        timer.cancel()
        timer.join()
