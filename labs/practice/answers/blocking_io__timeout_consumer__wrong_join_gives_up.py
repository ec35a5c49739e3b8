# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (passed every grading until the seventeenth session: held done() calls
# went on oldest first, so each 0.15 s join saw its own thread end; newest first now)
# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "join such threads before you return". Each helper running done() gets one
# join(0.15) that may give up; it returns without checking the helper really ended.
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
        t.join(0.15)
