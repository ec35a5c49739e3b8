"""The wire between the two processes: what the child writes, what the parent reads.

The child writes one JSON object per line on the pipe the parent reads
(``labs.child.record``). Every object has ``t`` (seconds since the child's
clock started), ``kind`` (one of the names below), ``thread`` and ``ident``
(the thread that wrote it), and the fields its kind defines. Nothing else of
the suite is imported here: both sides read this module.
"""
from __future__ import annotations

# Written by the child's runtime (labs.child.runtime) around every variant.
START = "start"      # {python, pid, paths}: the child is ready, faulthandler is on
SKIP = "skip"        # {reason}: the variant cannot run on this interpreter or machine
END = "end"          # {threads: [{name, ident}]}: the variant returned; who is alive

# Written by the lessons' scenes (labs.child.record's helpers).
STATE = "state"      # {state}: the thread enters a state until its next one
MARK = "mark"        # {label, stop?}: a moment worth a vertical line
NOTE = "note"        # {text}: a word on one thread's row
FACTS = "facts"      # {facts}: measured facts, merged by the parent (later wins)
TASK = "task"        # {id, step}: one step of a task's life (a ledger line)
INTERRUPT = "interrupt"  # {exc}: an interrupt reached a thread (lab 5)
PS = "ps"            # {command, output, failed}: what ps said about the threads (lab 3)

# The child asks the parent to act on it (each lesson with its own kind, for now):
CTRL_C = "press ctrl-c"            # lab 5's driver sends SIGINT
STOP = "stop"                      # {native_id}: the kill matrix's driver watches /proc
# (lab 3's driver acts on a FACTS event carrying target_tid)

# Made by the parent for a line it could not parse.
GARBLED = "garbled"  # {text}

# The environment the parent gives the child.
WATCH_FD_ENV = "LABS_WATCH_FD"  # the read end of the parent's lifeline pipe
PAYLOAD_ENV = "LABS_PAYLOAD"    # a file holding the JSON payload of the run
