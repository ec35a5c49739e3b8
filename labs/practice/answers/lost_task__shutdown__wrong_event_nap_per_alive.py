# expect: a timed wait of 1.4 s between two looks
# (hostile round, thirty-first session: passed every grading while the busy runs had no
# fast period, so an Event nap of the learner's own never reached the grader's ledger)
# lost-task/shutdown, WRONG: "a nap between two is_alive() looks: at most 1 s".
# Naps 0.2 s per consumer still running, on an Event of its own: with 7 consumers
# (busy-7) that is a 1.4 s nap between two rounds of is_alive() looks.
import threading


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    pause = threading.Event()
    while True:
        alive = [c for c in consumers if c.is_alive()]
        if not alive:
            return
        pause.wait(0.2 * len(alive))  # more running, longer to wait
