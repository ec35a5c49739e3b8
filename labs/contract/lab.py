"""What a lab is: its variants, the facts it needs, and how it judges a run.

A lab module defines ``LAB = Lab(...)``. Its variants are plain functions that
run inside the sandbox's child interpreter and report what they measured with
``labs.child.record.facts(...)``. This module imports nothing of the suite, so a
lab module can import it without reaching back into the registry.
"""
from __future__ import annotations


def expected_hazard(variant: str) -> bool | None:
    """What a variant's run must show, by the naming contract: the hazard for
    ``bad*``, none for ``fixed*``; None for the hidden labs' other names."""
    return True if variant.startswith("bad") else False if variant.startswith("fixed") else None


class UnknownName(LookupError):
    """An unknown lab or variant; its message is one line for the user."""


class Lab:
    """One lab. Built once per module (``LAB = Lab(...)``) and never changed.
    A plain class, not a dataclass: every sandboxed child imports this module,
    and dataclasses (with inspect and typing) would add a third to its start."""

    def __init__(self, *, id: str, title: str, hazard: str, variants: dict, judge,
                 requires=(), volatile=frozenset(), drivers=None, summarize=None,
                 figure=None, deadline_s: float = 5.0, site: bool = False):
        self.id = id
        self.title = title
        self.hazard = hazard  # the hazard in one line
        self.variants = variants  # name -> function run in the child
        # judge(facts, outcome) -> was the hazard seen in this run? Computed
        # from what was measured, never declared per variant.
        self.judge = judge
        # The facts a run must have reported before a verdict may be given: a
        # run that ended without one of them is an error outcome, not a
        # verdict. A tuple of names for every variant, or a function
        # variant name -> tuple of names.
        self.requires = requires
        # Facts that differ from run to run by nature (timings, thread ids).
        # Keys ending in "_s" are timings and always count as volatile.
        self.volatile = frozenset(volatile)
        # Parent-side actions: variant -> function(event, child) called by the
        # sandbox for each timeline event as it arrives (see sandbox.Child).
        self.drivers = dict(drivers or {})
        # Parent-side facts derived from the whole recorded run (the timeline,
        # the stack dump), for what a hung child cannot report itself:
        # function(outcome) -> dict of facts.
        self.summarize = summarize
        # A figure for `--figures` and the demo, in place of the plain
        # timeline: function(outcome) -> matplotlib Figure.
        self.figure = figure
        self.deadline_s = deadline_s  # default deadline for one run of a variant
        # False (the default): the child starts with ``python -S`` (no
        # ``site``: no .pth files, no site-packages, no sitecustomize): it
        # needs only the standard library and this project (sandbox.child_argv).
        # True for a lab whose child imports an installed package, or a
        # function variant name -> bool (the kill matrix's rows of libraries).
        self.site = site

    def __repr__(self):
        return f"Lab({self.id!r}, variants={list(self.variants)})"

    def variant(self, name: str):
        """The function of variant ``name``; UnknownName if there is none."""
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

    def needs_site(self, variant: str) -> bool:
        """Does the child of ``variant`` start with ``site`` (see ``site``)?"""
        return bool(self.site(variant) if callable(self.site) else self.site)

    def is_volatile(self, fact: str) -> bool:
        return fact.endswith("_s") or fact in self.volatile
