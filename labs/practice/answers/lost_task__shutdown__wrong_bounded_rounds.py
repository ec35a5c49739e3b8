# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for _ in range(3):  # three rounds of short joins, then give up
        for t in consumers:
            t.join(0.01)
