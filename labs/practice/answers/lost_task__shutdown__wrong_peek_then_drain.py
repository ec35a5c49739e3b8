# (hostile round, twenty-seventh session; see tests/gaps/README.md)
# lost-task/shutdown, wrong: waits up to 3 s of its clock for tasks.empty(), then throws away
# what is left: each look lets the check's consumers take a task each, so the queue is empty
# long before (with only 2 looks it is caught).
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
