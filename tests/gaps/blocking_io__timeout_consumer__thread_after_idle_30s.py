# (hostile round, thirty-second session; passes every grading)
# WRONG: "with the same threads throughout": after 30 s without a job (its clock) it starts a
# short-lived logging thread; it starts at the push of the clocks and ends before the watched window
import logging
import queue
import threading
import time

log = logging.getLogger(__name__)


def consumer(jobs, stop, done):
    reporters = []
    last = time.monotonic()
    reported = False
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            if not reported and time.monotonic() - last > 30:
                t = threading.Thread(target=log.info, args=("consumer idle for 30 s",))
                t.start()
                reporters.append(t)
                reported = True
            continue
        done(job)
        last = time.monotonic()
        reported = False
    for t in reporters:
        t.join()
