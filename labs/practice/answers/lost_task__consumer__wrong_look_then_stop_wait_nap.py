# expect: no task taken after a stop:
# lost-task/consumer, wrong (fourteenth session, the pause run's look that waits): looks at
# the stop, then naps on stop.wait(0.05) and ignores the True it returns, then takes a task
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        stop.wait(0.05)  # a pace: what it returns is not read
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
