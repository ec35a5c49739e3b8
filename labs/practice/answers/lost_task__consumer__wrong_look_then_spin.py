# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (ninth hostile reading, fifteenth session; passed every grading until
# StopAtPause counted other calls after the look, any sleep, and busy CPU as a pause):
# "Between tasks, if stop is set, return" / "a consumer takes no task once its stop is
# set": it looks, then burns CPU 20 ms (busy pacing, never asleep), then get()s; a stop
# set in that window is missed and one more task is taken.
import time

def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        end = time.perf_counter() + 0.02
        while time.perf_counter() < end:
            pass
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
