"""Timeline events: recorded in the child as they happen, drawn in the parent.

In the child, every event is one JSON line written with a single ``os.write``
to the stream the sandbox reads (writes of less than PIPE_BUF bytes to a pipe
are atomic, so threads need no lock, and a thread killed mid-run cannot leave
one held). Because each line leaves the child at once, a child killed by a
signal still leaves its story.

Event kinds:
  state  a thread enters a state ("working", "holding lock", ...) until its next
  mark   a point in time worth a vertical line ("forced stop")
  note   a point on one thread's row worth a word ("Python handler ran here")
  facts  measured facts of the lab (merged by the sandbox, later wins)
  skip   the variant cannot run here; the reason says why
  start / end   written by the sandbox around the variant
"""
from __future__ import annotations

import json
import os
import threading
import time

_T0 = time.monotonic()
_fd: int | None = None  # set in the child by the sandbox


class Skip(Exception):
    """Raised by a variant that cannot run on this interpreter or machine."""


def open_stream(fd: int) -> None:
    global _fd
    _fd = fd


def event(kind: str, thread: threading.Thread | None = None, **data) -> None:
    """Record one event of the calling thread (or of ``thread``, for a thread
    that cannot speak for itself any more, such as a killed one)."""
    thread = thread or threading.current_thread()
    record = {
        "t": round(time.monotonic() - _T0, 6),
        "kind": kind,
        "thread": thread.name,
        "ident": thread.ident,
        **data,
    }
    if _fd is None:  # outside a sandbox (e.g. a unit test calling a helper)
        return
    os.write(_fd, (json.dumps(record, default=str) + "\n").encode())


def state(name: str, thread: threading.Thread | None = None) -> None:
    """The calling thread (or ``thread``) enters state ``name``."""
    event("state", thread=thread, state=name)


def mark(label: str) -> None:
    """A moment worth marking on the figure, such as the forced stop."""
    event("mark", label=label)


def note(text: str, thread: threading.Thread | None = None) -> None:
    """A word on the calling thread's row (or ``thread``'s), at this moment."""
    event("note", thread=thread, text=text)


def facts(**measured) -> None:
    """Report measured facts. Reported early, they survive a later hang."""
    event("facts", facts=measured)


def skip(reason: str) -> None:
    raise Skip(reason)
