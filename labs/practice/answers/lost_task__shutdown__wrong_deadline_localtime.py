# expect: every consumer ended before shutdown() returned: consumer-1
# shutdown, wrong: gives the consumers 5 s in all (wall clock via localtime), then returns
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.mktime(time.localtime()) + 5
    for t in consumers:
        while t.is_alive() and time.mktime(time.localtime()) < deadline:
            t.join(0.1)
