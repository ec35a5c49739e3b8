# expect: a nap between two looks: a nap of 2 s between two looks: at most 1 s
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    while any(t.is_alive() for t in consumers):
        time.sleep(2)  # the statement allows 1 s between two looks
