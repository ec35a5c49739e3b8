"""Reference solution: lost-task/shutdown."""


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)  # after every task (FIFO): one None per consumer
    for t in consumers:
        t.join()
