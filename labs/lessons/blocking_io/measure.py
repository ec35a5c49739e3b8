"""Lesson 4 in the parent: what a run showed, and the verdict.
"""
from __future__ import annotations

from labs.contract.lab import Lab
from labs.lessons.blocking_io import scene

# ------------------------------------------------------------------ measure

def summarize(outcome):
    """Which workers were still there at the end, from the run's own record:
    the stack dump when it hung, the child's closing thread list otherwise."""
    workers = sorted({e["thread"] for e in outcome.timeline
                      if e.get("thread", "").startswith("worker")})
    stuck = {name: where.split(": ", 1)[1]
             for name, where in outcome.where_stuck().items() if name in workers}
    if outcome.exit["timed_out"]:
        alive = {t["name"] for t in outcome.threads_in_dump()}
    else:
        end = [e for e in outcome.timeline if e["kind"] == "end"]
        alive = {t["name"] for t in end[-1]["threads"]} if end else set(workers)
    facts = {"stopped_before_deadline": bool(workers) and not alive & set(workers),
             "stuck_at_deadline": [stuck[w] for w in workers if w in stuck]}
    if not facts["stopped_before_deadline"] and "async_raise_returned" in outcome.facts:
        facts["stop_latency_s"] = None  # the forced stop was sent and it never stopped
    return facts


def judge(facts, outcome):
    return bool(facts.get("stop_requested")) and not facts["stopped_before_deadline"]


LAB = Lab(
    id="blocking-io",
    title="A thread blocked in IO cannot be interrupted",
    hazard="a thread inside recv, sleep, Queue.get or Lock.acquire ignores its stop flag and async_raise",
    variants=scene.VARIANTS,
    judge=judge,
    requires=lambda variant: ("stop_requested", "async_raise_returned" if variant.startswith("bad")
                              else "stop_latency_s"),
    summarize=summarize,
    deadline_s=scene.DEADLINE_S,
)
