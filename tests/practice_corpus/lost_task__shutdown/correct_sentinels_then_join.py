"""EXPECT: pass

One `None` per consumer at the end of the queue (after every task), then join each
thread.
"""


def shutdown(tasks, consumers):
    for _ in range(len(consumers)):
        tasks.put(None)
    for t in consumers:
        t.join()
