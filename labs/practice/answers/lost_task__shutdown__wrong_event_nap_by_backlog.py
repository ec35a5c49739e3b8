# expect: a timed wait of 2 s between two looks
# (hostile round, thirty-first session: passed every grading while the busy runs had no
# fast period, so an Event nap of the learner's own never reached the grader's ledger)
# (its nap was 2 ms a task queued, for the 1000 busy-backlog queued until BACKLOG became 240)
# lost-task/shutdown, WRONG: "a nap between two is_alive() looks: at most 1 s" (and "wait
# for the work, not for a time"). Sizes its nap once, from the backlog (about 20 ms a task
# queued, at most 2 s), and naps that long on an Event of its own between rounds of
# is_alive() looks: with 240 tasks queued (busy-backlog) a 2 s nap between looks.
import threading


def shutdown(tasks, consumers):
    nap = min(2.0, 0.05 + 0.02 * tasks.qsize())  # a rough time for the work left
    for _ in consumers:
        tasks.put(None)
    pause = threading.Event()
    while any([c.is_alive() for c in consumers]):
        pause.wait(nap)
