# expect: never done (shutdown() took them off the queue)
# (hostile round, thirty-first session: passed every grading of busy-backlog's first form,
# in which only a time.sleep after a look moved the clock on; each look does now)
# lost-task/shutdown, WRONG: "Every task must be done exactly once" / "wait for the work,
# not for a time". Gives the consumers a grace of 3 s (time.monotonic) to empty the
# queue, looking at it with empty() and 2 ms naps on an Event of its own, then throws
# away whatever is left (each with its task_done()), puts the Nones and joins.
import queue
import threading
import time


def shutdown(tasks, consumers):
    deadline = time.monotonic() + 3.0
    pause = threading.Event()
    while not tasks.empty() and time.monotonic() < deadline:
        pause.wait(0.002)
    while True:  # too slow: drop the rest so shutdown stays bounded
        try:
            tasks.get_nowait()
        except queue.Empty:
            break
        tasks.task_done()
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        c.join()
