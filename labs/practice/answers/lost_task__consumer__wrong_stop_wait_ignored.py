# expect: no task taken after a stop: consumer-1 took task
# lost-task/consumer, wrong (eighth hostile reading, fourteenth session; passed every grading until
# the seventeenth: the trickle run now sets the stop in such a nap, stop_in_nap)
# Violates: "if stop is set, return": naps on stop.wait(0.05) when the queue is empty and
# ignores the True it returns, then takes a task. (Its naps were 10 ms until the eighteenth
# session: each quiet period's 10 s on the fast clock was 1,000 naps of three operations
# each, through the explorer's gate in the small scenario, 16,000 steps in one run; under
# a loaded make test that run outlasted its budget twice, "still running". 50 ms naps
# test the same thing in a fifth of the steps.)
import queue


def consumer(tasks, stop, do):
    while True:
        if stop.is_set():
            return
        if tasks.empty():
            stop.wait(0.05)
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
