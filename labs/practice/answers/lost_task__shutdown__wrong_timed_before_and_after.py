# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for t in consumers:
        t.join(0.01)  # let the busy ones finish their task first
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join(0.01)  # one short join each: a slow consumer may still run after it
