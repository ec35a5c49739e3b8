"""EXPECT: fail
ACCEPT: error
FLAW: a GIL-holding C loop (a catastrophic regex, about 20 s) in the consumer: no thread of the child runs meanwhile, its watchdog included

Not a way to pass, a way to cost the grader time: the per-run budget is enforced by a
thread of the child, which cannot run while re holds the GIL.
"""

import re
import threading

_once = threading.Lock()


def consumer(tasks, stop, do):
    if _once.acquire(blocking=False):
        re.match(r"(a+)+$", "a" * 29 + "b")  # exponential backtracking, GIL held throughout
    while not stop.is_set():
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
