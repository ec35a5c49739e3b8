# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (ninth hostile reading, fifteenth session). Caught idle on
# every grading since StopAtPause counted 5 ms of CPU with no call as a pause, but it
# passed one grading of a fresh-clone make test under its load (a sampler counted the
# CPU as it ran, and the kernel adds a running thread's CPU only at its ticks); since
# the eighteenth session the CPU between the look and the next get() is counted as the
# get arrives, the thread blocked: on every grading.
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
