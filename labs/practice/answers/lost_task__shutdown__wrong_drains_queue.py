# expect: every task done exactly once: task(s) 4, 5, 6, 7, 8, 9 ... never done (shutdown() took them off the queue)
import queue


def shutdown(tasks, consumers):
    while True:  # "clear the queue first": the queued tasks are thrown away
        try:
            tasks.get_nowait()
            tasks.task_done()
        except queue.Empty:
            break
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
