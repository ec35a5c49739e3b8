"""The labs, by id: which module holds each one.

The ``Lab`` type lives in ``labs.lab``; this table only names the modules, and
imports a lab's module when it is asked for (lab modules never import this one).
"""
from __future__ import annotations

import importlib

from labs.lab import Lab, UnknownName  # noqa: F401 - re-exported for callers

# Lab id -> module. The order is the order of the notebooks.
LAB_MODULES = {
    "lock-leak": "labs.lock_leak",
    "lost-task": "labs.lost_task",
    "signal-target": "labs.signal_target",
    "blocking-io": "labs.blocking_io",
    "handed-off": "labs.handed_off",
}

# Runnable by id but not listed, not in the demo: the sandbox's own test lab.
HIDDEN_MODULES = {
    "selftest": "labs.selftest",
    "anatomy": "labs.anatomy",  # the opening notebook's runs (00-why-not-kill-threads)
    "matrix": "labs.matrix.lab",  # the kill matrix's scenarios (06-kill-matrix)
    "template": "labs.template",  # the lab to copy (CONTRIBUTING.md)
    "practice": "labs.practice.child",  # graded exercises (labs/practice)
}


def get_lab(lab_id: str) -> Lab:
    module = LAB_MODULES.get(lab_id) or HIDDEN_MODULES.get(lab_id)
    if module is None:
        known = ", ".join(lab_ids())
        raise UnknownName(f"unknown lab {lab_id!r} (known: {known})")
    return importlib.import_module(module).LAB


def lab_ids() -> list[str]:
    """Ids of the listed labs, in the order of the notebooks."""
    return list(LAB_MODULES)


def all_labs() -> list[Lab]:
    return [get_lab(lab_id) for lab_id in lab_ids()]
