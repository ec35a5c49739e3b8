# expect: a nap between two looks: a nap of 1.2 s between two looks: at most 1 s
# lost-task/shutdown, wrong (twelfth hostile reading, eighteenth session): naps of 1.2 s
# between is_alive() looks, where the statement allows at most 1 s. Passed every grading:
# the slow consumer's naps were credited, never measured against the limit (a timed join
# is no nap: a loop of join(5) is right by the statement).
import time
def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            time.sleep(1.2)
