# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (hostile round, thirty-second session; passed every grading until
# StopAtPause._retries). Violates "a consumer takes no task once its stop is set (no get()
# begun after it)": after one look it retries get(timeout=0.05) until a task comes, and a stop
# set while it waits is seen only after it took one more task
import queue
def consumer(tasks, stop, do):
    while not stop.is_set():
        while True:
            try:
                n = tasks.get(timeout=0.05)
                break
            except queue.Empty:
                pass
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
