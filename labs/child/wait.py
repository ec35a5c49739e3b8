"""Waiting on observed state, in the child, and where a thread is.

The one home of the child's poll loops: what the kernel or the interpreter
cannot signal (a thread inside a blocking call, a kernel thread gone, a
state only /proc shows) is polled, and the condition decides, never a
guessed sleep. ``until`` bounds the wait or leaves it to the sandbox's
deadline.
"""
from __future__ import annotations

import os
import sys
import threading
import time

LABS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNTIME = {os.path.join(LABS_DIR, "child", name) for name in ("runtime.py", "record.py", "wait.py")}


def lab_line(frame) -> str:
    """The text of the innermost line of the suite's own code (a lesson, the
    shared scenes) in ``frame``'s stack, or "?" when there is none."""
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(LABS_DIR + os.sep) and path not in RUNTIME:
            import linecache  # here: every child imports this module, few need a line
            return linecache.getline(path, frame.f_lineno).split("  #")[0].strip()
        frame = frame.f_back
    return "?"


def until(condition, bound_s: float | None = None, poll: float = 0.0005,
          queued=None) -> bool:
    """Poll ``condition()`` until it holds: True; False once ``bound_s``
    seconds have passed without it (None: no bound here, the sandbox's
    deadline bounds the run). The pause is a polling period, not a guess.
    ``queued``, if given, says how long the processes the condition is about
    have waited for a CPU so far (``procfs.queued_both``): the bound moves on
    by what that grows meanwhile, up to ``bound_s`` more, so that a loaded
    machine's time is not taken for the condition's."""
    start = time.monotonic()
    end = None if bound_s is None else start + bound_s
    queued0 = queued() if queued is not None and end is not None else 0.0
    while not condition():
        if end is not None and time.monotonic() >= end:
            later = end if queued is None else start + bound_s + moved_on(queued(), queued0, bound_s)
            if later < end + poll:
                return False
            end = later
        time.sleep(poll)
    return True


def moved_on(queued_now: float, queued_then: float, bound_s: float) -> float:
    """How far a bound of ``bound_s`` moves on for the time processes waited
    for a CPU between two counts (``procfs.queued_s``, ``queued_both``): all
    of it, up to one more bound (``until``, and the sandbox's deadline)."""
    return min(bound_s, max(0.0, queued_now - queued_then))


def wait_until_inside(thread: threading.Thread, spots: set, poll: float = 0.0005) -> str:
    """Wait until ``thread`` is inside one of its blocking calls; return the
    line of lab code it is on.

    A thread blocked in C cannot say so, but its innermost Python frame can:
    it sits on the line of the call. The interpreter hands over the GIL and
    delivers a pending exception only between calls or after one returns, so a
    thread seen on that line, from a thread that holds the GIL, is inside the
    call (the calls here never return before the stop)."""
    while True:
        frame = sys._current_frames().get(thread.ident)
        if frame is None:
            raise RuntimeError(f"{thread.name} ended before it blocked")
        if (frame.f_code, frame.f_lineno) in spots:
            return lab_line(frame)
        del frame
        time.sleep(poll)  # not synchronisation: the condition is checked again
