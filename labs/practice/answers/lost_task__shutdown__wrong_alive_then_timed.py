# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        if t.is_alive():
            t.join(timeout=0.1)  # one bounded wait for the ones still running
