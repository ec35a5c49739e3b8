# right (right-answer round, seventeenth session): failed every grading until then, out of its 3 s
# (each worker's first is_alive() after the stop says True, and the nap after it was the
# learner's time; the check's now: arena.AliveCredit)
# Right: one `None` per consumer, then `tasks.join()` (every task and every `None` done), then `is_alive()` looks with 1 s naps between them until each says False ("return only when you have seen them all end").
import time


def shutdown(tasks, consumers):
    for _ in range(len(consumers)):
        tasks.put(None)
    tasks.join()
    for c in consumers:
        while c.is_alive():
            time.sleep(1.0)
