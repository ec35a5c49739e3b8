# (eleventh hostile reading, seventeenth session; passes every grading)
# WRONG: spins on is_alive() with no wait at all between looks (burns a whole CPU while the
# consumers finish their tasks).


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    while any(c.is_alive() for c in consumers):
        pass
