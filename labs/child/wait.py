"""Where a thread is, in the child: the line of the suite's own code it is on."""
from __future__ import annotations

import linecache
import os

LABS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNTIME = {os.path.join(LABS_DIR, "child", name) for name in ("runtime.py", "record.py", "wait.py")}


def lab_line(frame) -> str:
    """The text of the innermost line of the suite's own code (a lesson, the
    shared scenes) in ``frame``'s stack, or "?" when there is none."""
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(LABS_DIR + os.sep) and path not in RUNTIME:
            return linecache.getline(path, frame.f_lineno).split("  #")[0].strip()
        frame = frame.f_back
    return "?"
