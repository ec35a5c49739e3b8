# expect: every consumer ended before shutdown() returned: consumer-6 (the first of two so named)
# shutdown, wrong (eleventh hostile reading, seventeenth session; a gap until the
# twenty-third): keeps the consumers in a dict by name, so two that share a name are one,
# and the other is never seen to end. Caught in busy-7, whose last two consumers share a
# name (threads may): the first of them still holds its task when shutdown() returns.


def shutdown(tasks, consumers):
    pending = {c.name: c for c in consumers}
    for _ in consumers:
        tasks.put(None)
    while pending:
        for name, c in list(pending.items()):
            c.join(0.1)
            if not c.is_alive():
                del pending[name]
