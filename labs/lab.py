"""What a lab is: its variants, the facts it needs, and how it judges a run.

A lab module defines ``LAB = Lab(...)``. Its variants are plain functions that
run inside the sandbox's child interpreter and report what they measured with
``labs.timeline.facts(...)``. This module imports nothing of the suite, so a
lab module can import it without reaching back into the registry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


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
    # The facts a run must have reported (or the parent derived) before a
    # verdict may be given: a run that ended without one of them is an error
    # outcome, not a verdict. A tuple of names for every variant, or a
    # function variant name -> tuple of names.
    requires: tuple | Callable[[str], tuple] = ()
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

    def required_facts(self, variant: str) -> tuple:
        """The facts a run of ``variant`` must have before it is judged."""
        return tuple(self.requires(variant) if callable(self.requires) else self.requires)

    def is_volatile(self, fact: str) -> bool:
        return fact.endswith("_s") or fact in self.volatile
