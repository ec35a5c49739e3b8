# (hostile round, twenty-seventh session; see tests/gaps/README.md)
# lost-task/shutdown, wrong: gives up after 700 timed joins of 0.1 s (a count): the hour of
# the slow consumer passes in 606 of them.
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for c in consumers:
        for _ in range(700):
            c.join(timeout=0.1)
            if not c.is_alive():
                break
