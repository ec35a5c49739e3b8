# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (ninth hostile reading, fifteenth session; passed 3 gradings of 6
# until the seventeenth: a blocking read on a pipe of its own is a pause now)
# "a consumer takes no task once its stop is set" / "a nap between that look and the next
# get() misses the stop": after its look it naps 30 ms blocked in os.read on a pipe a
# Timer writes to, then get()s without looking again.
import os
import threading


def consumer(tasks, stop, do):
    r, w = os.pipe()
    try:
        while True:
            if stop.is_set():
                return
            t = threading.Timer(0.03, lambda: os.write(w, b"x"))
            t.start()
            os.read(r, 1)            # nap: rate limit
            t.join()
            n = tasks.get()
            if n is None:
                tasks.task_done()
                return
            do(n)
            tasks.task_done()
    finally:
        os.close(r)
        os.close(w)
