"""Puts one None per consumer, gives them a grace of 1.5 s in two naps, then joins
each: no is_alive() look at all, so no nap between two of them (the statement limits
only those). Failed until the twentieth session: any nap over 1 s counted (its hostile
round)."""
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    time.sleep(0.75)
    time.sleep(0.75)
    for t in consumers:
        t.join()
