# expect: never done (shutdown() took them off the queue)
# lost-task/shutdown, wrong (ninth hostile reading, fifteenth session; passed while a put let
# the check's consumers drain the queue at once):
# "Every task must be done exactly once": after putting the Nones it 'cleans up' the
# queue, taking every task still queued and throwing it away (marked done), putting back
# the first None it meets.
import queue

def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    while True:
        try:
            x = tasks.get_nowait() if hasattr(tasks, "get_nowait") else tasks.get(timeout=0.001)
        except queue.Empty:
            break
        tasks.task_done()
        if x is None:
            tasks.put(None)
            break
    for t in consumers:
        t.join()
