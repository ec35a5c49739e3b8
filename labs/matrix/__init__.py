"""The kill matrix: every way people stop a thread, run for real, measured.

Rows are mechanisms; columns are measurements. Each row runs three
scenarios (a busy worker, a worker blocked in a socket read, a worker midway
through a transfer under a lock), each in its own sandboxed child.

Which process runs what:

=====================  =======  ==============================================
module                 process  what
=====================  =======  ==============================================
``scenarios``          child    what each worker thread does
``mechanisms``         child    how each row starts its worker and sends the stop
``threads``            child    one thread scenario, from the main thread
``processes``          child    the process rows (and their worker processes)
``lab``                both     the variants (child); judge, summary, driver
                                (parent, called by the sandbox)
``rows``               parent   run the scenarios in the sandbox, build the rows
``show``               parent   the text table, the figure, ``python -m labs matrix``
=====================  =======  ==============================================

Imports go one way: ``rows`` and ``show`` import the child side, never the
reverse. The names a notebook uses (``matrix.spin``, ``matrix.run_matrix``,
``matrix.draw`` ...) are found here on first use, so that the child, which
imports ``labs.matrix.lab``, never loads the parent side.
"""
from __future__ import annotations

import importlib

_HOMES = {
    "scenarios": ("Scene", "spin", "spin_catching", "read", "apply_task", "apply_task_acquire",
                  "transfer", "transfer_requeue", "spin_until_stopped", "read_with_timeout",
                  "read_with_wakeup", "transfer_until_stopped", "transfer_until_woken",
                  "worker_for", "TASK", "NEXT", "POLL_S"),
    "mechanisms": ("start", "need", "install_tracer", "join_and_look", "call_private_stop",
                   "under_alarm", "TIMEOUT_S"),
    "threads": ("run_threads", "wait_until", "has_stopped", "still_alive", "WINDOW_S",
                "COOPERATIVE"),
    "processes": ("run_processes", "proc_spin", "proc_sleep", "proc_transfer", "PROCESSES"),
    "lab": ("LAB", "VARIANTS", "MECHANISMS", "SCENARIOS", "judge", "summarize", "deadline"),
    "rows": ("COLUMNS", "cells", "summary", "run_row", "run_matrix", "skipped_row"),
    "show": ("table", "draw", "main"),
}
_WHERE = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name):
    if name in _WHERE:
        return getattr(importlib.import_module(f"labs.matrix.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'labs.matrix' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_WHERE])
