# expect: OverflowError: timestamp out of range
# lost-task/shutdown, wrong (thirty-first session, beside the hostile round's get(timeout=inf)):
# one None per consumer, then a join "as long as it takes", written as an infinite timeout.
# A real thread's join(float("inf")) raises OverflowError while the thread runs (measured,
# 3.10 to 3.15). Until then the check's consumer waited for ever on it, and the answer
# failed as "still running", not for what a real thread does.


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        c.join(timeout=float("inf"))
