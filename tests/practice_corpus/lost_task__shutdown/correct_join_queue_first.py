"""EXPECT: pass

Wait for every task to be done with `tasks.join()`, then one `None` per consumer, then
join each thread.
"""


def shutdown(tasks, consumers):
    tasks.join()
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
