# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (hostile round, thirty-second session; passed every grading: the
# runs are explored, and a sleep(0) in the grader was too short for the sampler to see). Violates
# "a pause between the look and the next get() misses the stop": time.sleep(0) there
import time
def consumer(tasks, stop, do):
    while not stop.is_set():
        time.sleep(0)
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
