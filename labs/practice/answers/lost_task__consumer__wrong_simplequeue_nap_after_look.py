# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (thirty-third session: its timed waits told since
# wire.Clock._own_locks). Violates "a pause between the look and the next get() misses the
# stop": 1 ms waits on a SimpleQueue of its own there
import queue
_pace = queue.SimpleQueue()
def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            _pace.get(timeout=0.001)
        except queue.Empty:
            pass
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
