"""The template lesson in the parent: the verdict, computed from the facts.
"""
from __future__ import annotations

from labs.contract.lab import Lab
from labs.lessons.template import scene


def judge(facts, outcome):
    """The hazard, computed from what the run measured."""
    return not facts["pairs_intact"] or outcome.exit["timed_out"]


LAB = Lab(
    id="template",
    title="Template: a two-step update stopped midway",
    hazard="a worker stopped by force midway leaves its two counters unequal",
    variants=scene.VARIANTS,
    judge=judge,
    requires=("pairs_intact",),  # no verdict for a run that never reported it
    deadline_s=3.0,
)
