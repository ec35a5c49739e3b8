"""Lesson 1 in the parent: what a run of the scene showed, and the verdict.
"""
from __future__ import annotations

from labs.contract.lab import Lab
from labs.contract.outcome import finished_threads
from labs.lessons.lock_leak import scene

# ------------------------------------------------------------------ measure

def summarize(outcome):
    """Facts the parent reads off the whole run, even one that hung."""
    workers = [n for n in finished_threads(outcome.timeline) if n.startswith("worker-")]
    return {"workers_finished": len(workers)}


def judge(facts, outcome):
    return bool(facts["lock_held_after_stop"] or not facts["invariant_ok"]
                or facts["workers_finished"] < facts["workers_total"]
                or outcome.exit["timed_out"])


LAB = Lab(
    id="lock-leak",
    title="A lock held by a killed thread",
    hazard="a thread killed holding a lock deadlocks the rest; `with` frees the lock, not the data",
    variants=scene.VARIANTS,
    judge=judge,
    requires=("lock_held_after_stop", "invariant_ok", "workers_total"),
    summarize=summarize,
    deadline_s=4.0,
)
