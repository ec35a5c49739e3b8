# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join(0.05)
        t.join(0.05)  # "twice to be sure": still a bounded wait
