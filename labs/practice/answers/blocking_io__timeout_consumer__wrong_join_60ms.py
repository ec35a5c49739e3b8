# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (seventh hostile reading, thirteenth session; FAIL PASS PASS until
# the fourteenth, now HelperHold lets held done() calls go one at a time): each helper
# running done() gets one join(0.06), shorter than done() may need; it returns without
# checking the helper ended.
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
        t.join(0.06)
