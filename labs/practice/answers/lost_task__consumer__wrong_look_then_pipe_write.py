# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (thirteenth hostile reading, eighteenth session): after its look
# it blocks in a write to a full pipe, or in the open of a FIFO, before its get(). Passed
# every grading: the pause run saw a read on a pipe as a pause, not a write or an open.
import os
import threading
import time


def consumer(tasks, stop, do):
    r, w = os.pipe()
    over = threading.Event()

    def reader():
        while True:
            time.sleep(0.04)
            if not os.read(r, 1 << 17) or over.is_set():
                return

    big = b"." * (1 << 17)  # larger than a pipe's buffer
    t = threading.Thread(target=reader)
    t.start()
    try:
        while True:
            if stop.is_set():
                return
            os.write(w, big)  # heartbeat
            n = tasks.get()
            try:
                if n is None:
                    return
                do(n)
            finally:
                tasks.task_done()
    finally:
        over.set()
        os.close(w)
        t.join()
        os.close(r)
