"""The lessons, by id: where each one's pieces live. Both processes read it.

One id per lesson, used by its folder (``labs/lessons/<id with _>/``), its
notebook (``notebooks/NN-<id>.ipynb``) and its exercises (``<id>/<what>``).
A lesson's ``scene`` module holds its variants (they run in the child:
``VARIANTS``); its ``measure`` module holds the ``Lab`` the parent judges with
(``LAB``: the variants, the facts they require, summarize, judge, drivers).
The child imports only the scene; modules are imported when first asked for.
"""
from __future__ import annotations

import importlib

from labs.contract.lab import Lab, UnknownName  # noqa: F401 - re-exported for callers


class Lesson:
    """One row of the table: a lesson's id, notebook number and modules."""

    def __init__(self, id: str, number: int | None, *, listed: bool = True,
                 scene: str | None = None, measure: str | None = None):
        self.id, self.number, self.listed = id, number, listed
        package = "labs.lessons." + id.replace("-", "_")
        self.scene = scene or f"{package}.scene"
        self.measure = measure or f"{package}.measure"

    @property
    def notebook(self) -> str | None:
        return None if self.number is None else f"{self.number:02d}-{self.id}.ipynb"

    def __repr__(self):
        return f"Lesson({self.id!r})"


# In the order of the notebooks. Listed lessons are in `labs list` and the demo.
LESSONS = (
    Lesson("anatomy", 0, listed=False),      # the opening notebook's runs
    Lesson("lock-leak", 1),
    Lesson("lost-task", 2),
    Lesson("signal-target", 3),
    Lesson("blocking-io", 4),
    Lesson("handed-off", 5),
    Lesson("kill-matrix", 6, listed=False),  # one variant per row and scenario
    # Runnable by id, with no notebook of their own.
    Lesson("template", None, listed=False),  # the lesson to copy (CONTRIBUTING.md)
    Lesson("selftest", None, listed=False,   # the sandbox's own test lab
           scene="labs.child.selftest", measure="labs.child.selftest"),
    Lesson("practice", None, listed=False,   # graded exercises
           scene="labs.practice.child", measure="labs.practice.child"),
)
_BY_ID = {lesson.id: lesson for lesson in LESSONS}


def lesson(lab_id: str) -> Lesson:
    try:
        return _BY_ID[lab_id]
    except KeyError:
        known = ", ".join(lab_ids())
        raise UnknownName(f"unknown lab {lab_id!r} (known: {known})") from None


def get_lab(lab_id: str) -> Lab:
    """The lab as the parent judges it (imports its measure module)."""
    return importlib.import_module(lesson(lab_id).measure).LAB


def variant(lab_id: str, name: str):
    """The function of one variant, for the child: imports only the scene."""
    variants = importlib.import_module(lesson(lab_id).scene).VARIANTS
    try:
        return variants[name]
    except KeyError:
        raise UnknownName(f"unknown variant {name!r} for lab {lab_id!r} "
                          f"(known: {', '.join(variants)})") from None


def lab_ids() -> list[str]:
    """Ids of the listed labs, in the order of the notebooks."""
    return [lesson.id for lesson in LESSONS if lesson.listed]


def all_labs() -> list[Lab]:
    return [get_lab(lab_id) for lab_id in lab_ids()]
