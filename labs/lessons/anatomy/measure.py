"""Lesson 0 in the parent: what a run showed, and the verdict.
"""
from __future__ import annotations

from labs.child.scenes import spin_forever, spin_until  # noqa: F401 - shown by notebook 00
from labs.contract.lab import Lab
from labs.lessons.anatomy import scene

# ------------------------------------------------ measure

def summarize(outcome):
    """What the parent reads off the whole run, even one that froze."""
    events = outcome.timeline
    labels = [e["label"] for e in events if e.get("kind") == "mark"]
    ended = [e for e in events if e.get("kind") == "end"]
    facts = {"variant_returned": bool(ended)}
    if ended:
        facts["threads_at_end"] = [t["name"] for t in ended[0]["threads"]]
    if "pthread_cancel" in labels:
        facts["main_ran_after_cancel"] = "pthread_cancel returned" in labels
    return facts


def judge(facts, outcome):
    """The stop did not stop the thread at once and cleanly."""
    return bool(outcome.exit["timed_out"] or outcome.exit["signal"]
                or not facts.get("variant_returned", True)
                or facts.get("alive_after_call") or facts.get("slept_full")
                or facts.get("lock_held_after_stop") or facts.get("bytes_lost")
                or facts.get("caught") or facts.get("cleanup_finished") is False
                or facts.get("as_printed", "returned") != "returned"
                or facts.get("bare_int_undo_returned", 1) == 0
                or bool(facts.get("ran_after_keyword_call"))
                or bool(facts.get("ran_after_positional_call")))


REPORTS_LAST = {
    "only-scheduled": "returned_for_ended_thread",
    "pure-python-loop": "alive_after_call",
    "blocked-in-acquire": "stopped_after_release",
    "blocked-in-recv": "stopped_after_data",
    "blocked-in-sleep": "slept_full",
    "caught-and-retried": "ended_by_flag",
    "tight-loop-in-try": "cleanup_finished",
    "lands-in-cleanup": "cleanup_finished",
    "pthread-cancel-sleeping": "acquire_with_timeout",
    "pthread-cancel-busy": "tasks_before",
    "stop-entering-with": "stopped_after_release",
    "seed-recipe": "as_printed",
    "stop-after-keyword-call": "ran_after_keyword_call",
}

LAB = Lab(
    id="anatomy",
    title="The anatomy of a forced stop",
    hazard="an async exception is only scheduled, waits for C calls, can be caught, "
           "lands in cleanup; pthread_cancel leaves a ghost or freezes the interpreter",
    variants=scene.VARIANTS,
    judge=judge,
    # The last fact each variant reports; pthread-cancel-busy freezes by design
    # once it has counted its threads.
    requires=lambda variant: (REPORTS_LAST[variant],),
    summarize=summarize,
    volatile=frozenset({"main_ran_after_cancel"}),
    deadline_s=3.0,
)
