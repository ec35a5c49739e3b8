"""Lesson 3 in the parent: the driver that aims SIGTERM, the verdict.
"""
from __future__ import annotations

import signal

from labs.contract.lab import Lab
from labs.lessons.signal_target import scene

# ------------------------------------------------------------------ in the parent, called by the sandbox

def send_sigterm_to_target(event: dict, child) -> None:
    """Driver: once the child publishes the target's thread id, send SIGTERM
    to that id. Child.signal refuses anything that is not the child or one
    of its threads."""
    if event.get("kind") == "facts" and "target_tid" in event["facts"]:
        child.signal(signal.SIGTERM, tid=event["facts"]["target_tid"])


def summarize(outcome):
    """Facts read off the whole run, including a run that died by the signal."""
    started, finished, last = {}, {}, {}
    for e in outcome.timeline:
        if e.get("kind") != "state" or not e["thread"].startswith("worker-"):
            continue
        name, st = e["thread"], e["state"]
        last[name] = st
        if st == "waiting":
            started[name] = started.get(name, 0) + 1
        elif st == "working":
            finished[name] = finished.get(name, 0) + 1
    lost = {n: started.get(n, 0) - finished.get(n, 0) for n in scene.NAMES}
    others = [n for n in scene.NAMES if n != scene.TARGET]
    facts = {
        "process_survived": outcome.exit["signal"] is None and not outcome.exit["timed_out"],
        "target_stopped": last.get(scene.TARGET) != "done",
        "others_finished": all(last.get(n) in ("done", "stopped") and lost[n] == 0
                               for n in others),
        "items_done": [finished.get(n, 0) for n in scene.NAMES],  # worker-1, -2, -3
        "items_lost": sum(lost.values()),
    }
    for key in ("handler_thread", "handler_args", "handler_frame_thread", "signal_woke"):
        facts[key] = outcome.facts.get(key)
    return facts


def judge(facts, outcome):
    """The hazard: the signal did not stop exactly the one worker it was
    aimed at, leaving the others' work whole."""
    return not (facts["process_survived"] and facts["target_stopped"]
                and facts["others_finished"] and facts["items_lost"] == 0)


LAB = Lab(
    id="signal-target",
    title="A signal aimed at one thread hits the whole process",
    hazard="kill(tid) signals the whole process; a Python handler runs in the main thread",
    variants=scene.VARIANTS,
    judge=judge,
    # bad dies by the signal by design, once it has published its target.
    requires=lambda variant: ("target_tid",) if variant == "bad" else ("target_tid", "interrupted_errors"),
    summarize=summarize,
    volatile=frozenset({"target_tid", "threads"}),
    drivers={"bad": send_sigterm_to_target, "bad-handler": send_sigterm_to_target,
             "fixed-sigterm": send_sigterm_to_target},
    deadline_s=5.0,
)
