# (eleventh hostile reading, seventeenth session; passes every grading)
# WRONG: tracks consumers in a dict keyed by name, so consumers sharing a name are merged and not
# all are seen to end ("return only when you have seen them all end").


def shutdown(tasks, consumers):
    pending = {c.name: c for c in consumers}
    for _ in consumers:
        tasks.put(None)
    while pending:
        for name, c in list(pending.items()):
            c.join(0.1)
            if not c.is_alive():
                del pending[name]
