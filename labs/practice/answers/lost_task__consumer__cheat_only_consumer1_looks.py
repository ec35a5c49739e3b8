# expect: without a look at its stop since its last task
# (sixth hostile reading) only the thread named "consumer-1" (the one the grader stops) ever
# looks at its stop - violates "Between tasks, if `stop` (this consumer's own
# `threading.Event`) is set, return" for every other consumer.
import queue
import threading

def consumer(tasks, stop, do):
    looks = threading.current_thread().name == "consumer-1"
    while not (looks and stop.is_set()):
        try:
            n = tasks.get(timeout=0.5)
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        try:
            do(n)
        finally:
            tasks.task_done()
