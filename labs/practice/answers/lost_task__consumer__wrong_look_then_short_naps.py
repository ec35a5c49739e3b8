# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (ninth hostile reading, fifteenth session; passed every grading until
# StopAtPause counted other calls after the look, any sleep, and busy CPU as a pause):
# "a consumer takes no task once its stop is set" (and the statement's own "a nap between
# that look and the next get() misses the stop"): after a look that says no, it throttles
# with ten 4 ms naps on an Event of its own, then get()s without looking again.
import threading

def consumer(tasks, stop, do):
    pause = threading.Event()
    while True:
        if stop.is_set():
            return
        for _ in range(10):          # throttle: 40 ms in small steps
            pause.wait(0.004)
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
