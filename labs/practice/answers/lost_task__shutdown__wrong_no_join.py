# expect: still running when shutdown() returned
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)  # returns at once: the consumers are still working
