"""From what a child left to an Outcome with its verdict, in the parent.

The events it wrote, how it ended and its stack dump become an ``Outcome``;
then the lab's ``summarize`` adds the facts the parent derives, the lab's
``requires`` is checked, and only then its ``judge`` may answer. A run that
ended before it reported a required fact gets no verdict; a judge that reads a
fact the lab never declared is a bug in the lab, and says so.
"""
from __future__ import annotations

import signal

from labs.contract import events as ev
from labs.contract.outcome import (
    PROJECT_ROOT,
    MissingFact,
    Outcome,
    name_threads,
    parse_dump,
    short_c_stack,
    short_paths,
    thread_names,
)


def outcome_of(lab, variant, returncode, events, timed_out, elapsed, stderr,
               deadline) -> Outcome:
    facts: dict = {}
    python = skipped = None
    child_elapsed = max([e["t"] for e in events if e.get("t") is not None], default=0.0)
    for e in events:
        if e["kind"] == ev.FACTS:
            facts.update(e["facts"])
        elif e["kind"] == ev.START:
            python = e.get("python")
        elif e["kind"] == ev.SKIP:
            skipped = e.get("reason")
    code = returncode
    exit = {"code": code if code >= 0 else None,
            "signal": signal.Signals(-code).name if code < 0 else None,
            "timed_out": timed_out}
    names = thread_names(events)
    stacks = None
    if timed_out:
        child_elapsed = max(child_elapsed, elapsed)
        start = next((e for e in events if e["kind"] == ev.START), {})
        prefixes = {**start.get("paths", {}), "": str(PROJECT_ROOT)}
        stacks = short_c_stack(short_paths(name_threads(dump_part(stderr), names), prefixes))
        stuck = sorted({t["name"] for t in parse_dump(stacks, names)} - {"MainThread"})
        facts.setdefault("stuck_threads", stuck)
    else:
        facts.setdefault("stuck_threads", [])
    error = None
    if not timed_out and code > 0:  # the child failed on its own (an exception)
        error = stderr.strip() or f"the child exited with code {code}"
    outcome = Outcome(lab=lab.id, variant=variant, hazard_observed=None, facts=facts,
                      exit=exit, elapsed_s=round(elapsed, 3), stacks=stacks,
                      timeline=events, python=python, skipped=skipped, error=error,
                      stderr=stderr, child_elapsed_s=child_elapsed)
    if skipped or error:
        return outcome
    if lab.summarize is not None:
        try:
            outcome.facts.update(lab.summarize(outcome))
        except MissingFact as missing:  # summarize needs a fact the run never gave
            outcome.error = incomplete([missing.name], deadline)
            return outcome
    # Checked after summarize: a lab may require a fact the parent derives
    # (a summarize must then never make up a fact it could not read).
    missing = [f for f in lab.required_facts(variant) if f not in outcome.facts]
    if missing:
        outcome.error = incomplete(missing, deadline)
        return outcome
    try:
        outcome.hazard_observed = bool(lab.judge(outcome.facts, outcome))
    except MissingFact as missing:
        outcome.error = (f"the judge of {lab.id!r} read the fact {missing.name!r}, which "
                         f"{variant!r} does not require: a bug in the lab (add it to "
                         "requires=, or read it with facts.get)")
    return outcome


def incomplete(missing: list[str], deadline: float) -> str:
    return (f"the run ended before it reported {', '.join(missing)}: no verdict "
            f"(was the deadline of {deadline:g} s too short?)")


def dump_part(stderr: str) -> str:
    """The stack dump faulthandler wrote at the end of the child's stderr."""
    start = stderr.find("Fatal Python error: Aborted")
    return stderr[start:] if start >= 0 else stderr
