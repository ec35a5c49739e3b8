"""The labs, by id: what each one shows and which variants it runs.

A lab module defines ``LAB = Lab(...)``. Its variants are plain functions that
run inside the sandbox's child interpreter and report what they measured with
``labs.timeline.facts(...)``.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Callable

# Lab id -> module. The order is the order of the notebooks.
LAB_MODULES = {
    "lock-leak": "labs.lock_leak",
    "lost-task": "labs.lost_task",
    "signal-target": "labs.signal_target",
    "blocking-io": "labs.blocking_io",
}

# Runnable by id but not listed, not in the demo: the sandbox's own test lab.
HIDDEN_MODULES = {
    "selftest": "labs.selftest",
    "anatomy": "labs.anatomy",  # the opening notebook's runs (00-why-not-kill-threads)
    "matrix": "labs.matrix",    # the kill matrix's scenarios (05-kill-matrix)
}


class UnknownName(LookupError):
    """An unknown lab or variant; its message is one line for the user."""


@dataclass(frozen=True)
class Lab:
    id: str
    title: str
    hazard: str  # the hazard in one line
    variants: dict[str, Callable[[], None]]  # name -> function run in the child
    # facts, outcome -> was the hazard seen in this run? Computed from what was
    # measured, never declared per variant.
    judge: Callable[[dict, object], bool]
    # Facts that differ from run to run by nature (timings, thread ids). Keys
    # ending in "_s" are timings and always count as volatile.
    volatile: frozenset = frozenset()
    # Optional parent-side actions: variant -> function(event, child) called by
    # the sandbox for each timeline event as it arrives (see Child in sandbox).
    drivers: dict[str, Callable] = field(default_factory=dict)
    # Optional parent-side facts derived from the whole recorded run (the
    # timeline, the stack dump), for what a hung child cannot report itself:
    # function(outcome) -> dict of facts.
    summarize: Callable | None = None
    # Optional figure for `--figures` and the demo, in place of the plain
    # timeline: function(outcome) -> matplotlib Figure.
    figure: Callable | None = None
    deadline_s: float = 5.0  # default deadline for one run of a variant

    def variant(self, name: str) -> Callable[[], None]:
        try:
            return self.variants[name]
        except KeyError:
            known = ", ".join(self.variants)
            raise UnknownName(
                f"unknown variant {name!r} for lab {self.id!r} (known: {known})"
            ) from None

    def is_volatile(self, fact: str) -> bool:
        return fact.endswith("_s") or fact in self.volatile


def get_lab(lab_id: str) -> Lab:
    module = LAB_MODULES.get(lab_id) or HIDDEN_MODULES.get(lab_id)
    if module is None or importlib.util.find_spec(module) is None:
        known = ", ".join(lab_ids())
        raise UnknownName(f"unknown lab {lab_id!r} (known: {known})")
    return importlib.import_module(module).LAB


def lab_ids() -> list[str]:
    """Ids of the labs whose module exists (labs may be added one by one)."""
    found = []
    for lab_id, module in LAB_MODULES.items():
        if importlib.util.find_spec(module) is not None:
            found.append(lab_id)
    return found


def all_labs() -> list[Lab]:
    return [get_lab(lab_id) for lab_id in lab_ids()]
