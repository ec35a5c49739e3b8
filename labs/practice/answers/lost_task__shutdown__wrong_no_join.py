# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)  # returns at once: the consumers are still working
