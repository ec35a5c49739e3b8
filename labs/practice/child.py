"""The practice lab: each variant is an exercise; its child is the jail.

The grader (labs.practice.engine, in the parent) starts this lab's child
with the learner's code in the payload; the child hands it to
``labs.practice.jail``, which loads the code and runs the learner's calls
on the grader's objects. Nothing here measures anything: every fact that
decides a verdict comes from the grader's ledger and from the kernel.
"""
from __future__ import annotations

from labs.child import record
from labs.child import runtime as child
from labs.contract.lab import Lab

# The exercises' ids, without importing their modules (the child's start
# stays small); tests/test_practice.py checks this list against the table.
EXERCISE_IDS = ("lock-leak/stop-worker", "lock-leak/safe-transfer", "lost-task/consumer",
                "lost-task/shutdown", "signal-target/sigterm", "signal-target/stop-one",
                "blocking-io/wakeup-reader", "blocking-io/timeout-consumer")


def _variant(exercise_id: str):
    def variant():
        from labs.practice import jail
        # The one fact this child reports, before the learner's code loads;
        # no verdict depends on it (the sandbox's contract: no run without one).
        record.facts(learner_process_started=True)
        jail.main(child.payload() or {})
    variant.__name__ = exercise_id
    return variant


VARIANTS = {ex_id: _variant(ex_id) for ex_id in EXERCISE_IDS}

LAB = Lab(
    id="practice",
    title="Practice: the learner's code, graded in the sandbox",
    hazard="none: each variant runs the learner's calls on the grader's objects",
    variants=VARIANTS,
    judge=lambda facts, outcome: False,  # the engine judges, from its own ledger
    requires=("learner_process_started",),
    deadline_s=30.0,
    # Graded code may import only the standard library (policy.py): like
    # every lab's child but a few matrix rows', it skips site (Lab.site).
)
