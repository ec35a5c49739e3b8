# expect: every consumer ended before shutdown() returned: consumer-1
def shutdown(tasks, consumers):
    alive = [t for t in consumers if t.is_alive()]
    for _ in alive:
        tasks.put(None)
    for t in alive:
        t.join(0.2)
