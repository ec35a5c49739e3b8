# expect: never done (shutdown() took them off the queue)
# lost-task/shutdown, wrong (ninth hostile reading, fifteenth session; passed while a put let
# the check's consumers drain the queue at once):
# "no None is left over" / "Every task must be done exactly once": it puts one None too
# many, then takes one item back at once with get_nowait (which may be a real task,
# dropped) and marks it done.
import queue

def shutdown(tasks, consumers):
    for _ in range(len(consumers) + 1):
        tasks.put(None)
    try:
        tasks.get_nowait()
        tasks.task_done()
    except queue.Empty:
        pass
    for t in consumers:
        t.join()
