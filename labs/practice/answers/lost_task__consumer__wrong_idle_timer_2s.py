# expect: kept running through quiet periods: consumer-
# lost-task/consumer, wrong: a watchdog Timer ends the consumer after 2 s without a task
import queue
import threading


def consumer(tasks, stop, do):
    idle = threading.Event()
    timer = threading.Timer(2.0, idle.set)
    timer.start()
    try:
        while not stop.is_set() and not idle.is_set():
            try:
                n = tasks.get(timeout=0.1)
            except queue.Empty:
                continue
            timer.cancel()
            timer.join()
            try:
                if n is None:
                    return
                do(n)
            finally:
                tasks.task_done()
            timer = threading.Timer(2.0, idle.set)
            timer.start()
    finally:
        timer.cancel()
        timer.join()
