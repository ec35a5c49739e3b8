"""Sentinels, then look at every consumer with is_alive(), napping 1 s (the statement's maximum) between looks."""
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    alive = list(consumers)
    while alive:
        alive = [t for t in alive if t.is_alive()]
        if alive:
            time.sleep(1.0)
