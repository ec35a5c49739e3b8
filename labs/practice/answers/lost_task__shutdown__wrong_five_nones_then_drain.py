# expect: your function returned: still running at the end of the run: shutdown
# (seventh hostile reading, thirteenth session)
# Wrong: relies on the number of consumers the check uses (at most 5): it always puts 5 Nones
# and removes the leftovers afterwards; with 6 or more consumers one would never end.
import queue

def shutdown(tasks, consumers):
    for _ in range(5):
        tasks.put(None)
    for t in consumers:
        t.join()
    while True:
        try:
            tasks.get_nowait()
        except queue.Empty:
            return
        tasks.task_done()
