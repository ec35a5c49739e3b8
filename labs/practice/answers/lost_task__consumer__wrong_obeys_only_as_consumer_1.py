# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (seventh hostile reading, thirteenth session; passed every
# grading until the pause run stops consumer-2, fourteenth session).
# Violates: "Between tasks, if `stop` (this consumer's own Event) is set, return" -- keyed on
# the thread name: only a thread named consumer-1 obeys its stop; the others look and ignore it.
import queue
import threading


def consumer(tasks, stop, do):
    obey = threading.current_thread().name == "consumer-1"
    while True:
        if stop.is_set() and obey:
            return
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
