# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (thirteenth session): done(job) in threads of its own, each given
# one 10 ms join after the stop (a timed join treated as done)
import queue
import threading


def consumer(jobs, stop, done):
    helpers = []
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        t = threading.Thread(target=done, args=(job,))
        t.start()
        helpers.append(t)
    for t in helpers:
        t.join(0.01)
