# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (ninth hostile reading, fifteenth session; passed every grading until
# StopAtPause counted other calls after the look, any sleep, and busy CPU as a pause):
# "a consumer takes no task once its stop is set" / "a nap between that look and the next
# get() misses the stop": it looks, logs the backlog (tasks.qsize()), naps 50 ms, then
# get()s without looking again.
import logging, time

log = logging.getLogger(__name__)

def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        log.debug("backlog %d", tasks.qsize())
        time.sleep(0.05)
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
