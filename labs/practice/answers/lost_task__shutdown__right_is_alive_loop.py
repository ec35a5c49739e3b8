import time


def shutdown(tasks, consumers):
    for _ in range(len(consumers)):
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.05)
