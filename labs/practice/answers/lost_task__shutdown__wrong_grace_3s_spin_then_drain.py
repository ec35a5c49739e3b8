# expect: never done (shutdown() took them off the queue)
# (hostile round, thirty-first session: passed every grading of busy-backlog's first form,
# in which only a time.sleep after a look moved the clock on; each look does now)
# lost-task/shutdown, WRONG: "Every task must be done exactly once" / "wait for the work,
# not for a time". Gives the consumers a grace of 3 s (time.monotonic) to empty the
# queue, polling empty() with no nap (the check does not forbid that here), then throws
# away whatever is left (each with its task_done()), puts the Nones and joins. The nap
# that busy-backlog passes at once never comes, so its clock never jumps to the deadline.
import queue
import time


def shutdown(tasks, consumers):
    deadline = time.monotonic() + 3.0
    while not tasks.empty() and time.monotonic() < deadline:
        pass
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
