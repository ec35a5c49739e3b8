"""Waits on observed state, and where a thread is: in the child.

Determinism comes from waiting for what a thread *did* (a state it reached, a
line it is on, a thread the kernel no longer lists), never from sleeping and
hoping. Every wait here is bounded.
"""
from __future__ import annotations

import linecache
import os
import time

LABS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNTIME = {os.path.join(LABS_DIR, "child", name) for name in ("runtime.py", "record.py", "wait.py")}


def until(condition, bound_s: float, poll_s: float = 0.0005) -> bool:
    """Call ``condition()`` until it is true or ``bound_s`` has passed.
    True when it became true. The polling is a wait on observed state: what
    decides is what ``condition`` reads, not the time."""
    give_up = time.monotonic() + bound_s
    while not condition():
        if time.monotonic() > give_up:
            return False
        time.sleep(poll_s)
    return True


def lab_line(frame) -> str:
    """The text of the innermost line of the suite's own code (a lesson, the
    shared scenes) in ``frame``'s stack, or "?" when there is none."""
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(LABS_DIR + os.sep) and path not in RUNTIME:
            return linecache.getline(path, frame.f_lineno).split("  #")[0].strip()
        frame = frame.f_back
    return "?"
