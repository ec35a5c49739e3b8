# expect: tasks.join() returns after shutdown(): tasks.join() would wait for ever
import queue


def shutdown(tasks, consumers):
    for _ in range(10):  # plenty of None's
        tasks.put(None)
    for t in consumers:
        t.join()
    while True:  # then take the extra ones back
        try:
            tasks.get_nowait()
        except queue.Empty:
            break
