"""EXPECT: fail
ACCEPT: error
FLAW: threading.Thread.is_alive monkeypatched to say False: consumers still running look ended

A learner who returns without waiting and makes every thread look finished to whoever
asks.
"""

import threading

threading.Thread.is_alive = lambda self: False


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
