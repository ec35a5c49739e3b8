# (hostile round, thirty-first session: failed busy-backlog's first form, 499 real 0.1 s
# Event naps; a look's reply now opens a fast period, and the nap after it passes at once)
# lost-task/shutdown, RIGHT (by the statement): waits for the work ("wait for the work, not
# for a time"): looks at what is left with empty() and naps 0.1 s on an Event of its own
# between looks until the queue is empty, then puts one None per consumer and joins each.
# No is_alive() looks, so no nap between two of them.
import threading


def shutdown(tasks, consumers):
    pause = threading.Event()
    while not tasks.empty():  # let the consumers drain the queue first
        pause.wait(0.1)
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        c.join()
