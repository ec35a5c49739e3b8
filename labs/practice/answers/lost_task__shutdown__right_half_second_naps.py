# right (right-answer round, seventeenth session): failed every grading until then, out of its 3 s
# (each worker's first is_alive() after the stop says True, and the nap after it was the
# learner's time; the check's now: arena.AliveCredit)
# Right: one `None` per consumer; for each consumer, `is_alive()` looks with 0.5 s naps between them until it says False ("return only when you have seen them all end: ... `is_alive()` is False"); then `tasks.join()` returns (every `None` done).
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        while c.is_alive():
            time.sleep(0.5)
    tasks.join()
