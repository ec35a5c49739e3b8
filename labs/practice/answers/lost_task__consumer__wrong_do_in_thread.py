# expect: task_done() after the work: consumer-1 called task_done() for task
import threading


def consumer(tasks, stop, do):
    me = threading.current_thread().name
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            t = threading.Thread(target=do, args=(n,), name=me)
            t.start()
            t.join(0.05)  # a timed join treated as done
        finally:
            tasks.task_done()
