# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (eighth hostile reading, fourteenth session; passed every grading
# until then): done() in helper threads never joined; only a 0.15 s nap before returning
import queue
import threading
import time


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        threading.Thread(target=done, args=(job,)).start()
    time.sleep(0.15)
