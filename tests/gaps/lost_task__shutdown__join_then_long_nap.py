# (hostile round, twenty-fifth session; passes every grading)
# WRONG, arguably: between two is_alive() looks it makes a 1 ms timed join, then naps 3 s.
# A join is a look that waits (a loop of join(3) is right), so it ends the count of naps;
# one of 1 ms waits for nothing.
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    while True:
        alive = [c for c in consumers if c.is_alive()]
        if not alive:
            return
        alive[0].join(0.001)
        time.sleep(3.0)
