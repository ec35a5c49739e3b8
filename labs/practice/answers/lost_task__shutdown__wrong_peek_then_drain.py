# expect: never done (shutdown() took them off the queue)
# lost-task/shutdown, wrong (hostile round, twenty-seventh session; a gap until the
# thirty-first): waits up to 3 s of its clock for tasks.empty(), then throws away what is
# left. With 12 tasks each look let the check's consumers take a task each, and the queue
# was empty long before; the busy-backlog run queues 240, each look moves the learner's
# clocks on 30 s, and each nap after a look passes at once on them (PeekNap).
import logging
import queue
import time


def shutdown(tasks, consumers):
    deadline = time.monotonic() + 3
    while not tasks.empty() and time.monotonic() < deadline:
        time.sleep(0.5)
    dropped = 0
    while True:
        try:
            tasks.get_nowait()
        except queue.Empty:
            break
        tasks.task_done()
        dropped += 1
    if dropped:
        logging.warning("dropped %d tasks", dropped)
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        c.join()
