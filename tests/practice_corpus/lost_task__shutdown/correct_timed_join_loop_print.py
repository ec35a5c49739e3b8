"""EXPECT: pass

Sentinels, then a timed join in a loop (the habit from the signals notebook), with a
print of who is still running for debugging.
"""
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    started = time.monotonic()
    while any(t.is_alive() for t in consumers):
        for t in consumers:
            t.join(0.1)
        alive = [t.name for t in consumers if t.is_alive()]
        if alive:
            print(f"{time.monotonic() - started:.1f}s: still running: {alive}")
