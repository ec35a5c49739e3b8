# expect: no job taken after the stop: job(s)
# blocking-io/timeout-consumer, wrong (thirteenth hostile reading, eighteenth session; passed
# every grading until the nineteenth)
# Violates "look at it before every get": after its look it blocks in a write to a pipe a
# helper drains, then get(timeout). The idle run's pause watch wanted every thread asleep
# (`pausing`); it now also sees the consumer's own thread asleep after its look, in a nap
# or blocked in I/O on a descriptor that is no socket (`pauses_after_look`).
import os
import queue
import threading
import time


def consumer(jobs, stop, done):
    r, w = os.pipe()
    over = threading.Event()

    def reader():
        while True:
            time.sleep(0.04)
            if not os.read(r, 1 << 17) or over.is_set():
                return

    big = b"." * (1 << 17)
    t = threading.Thread(target=reader)
    t.start()
    try:
        while not stop.is_set():
            os.write(w, big)  # log a heartbeat
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
            done(job)
    finally:
        over.set()
        os.close(w)
        t.join()
        os.close(r)
