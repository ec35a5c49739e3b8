"""The kill matrix in the parent: the judge, the summary of a run, the driver.

Called by the sandbox for each run of a variant of ``scene``.
"""
from __future__ import annotations

import time

from labs.contract.lab import Lab
from labs.contract.outcome import MissingFact
from labs.lessons.kill_matrix import scene
from labs.lessons.kill_matrix.scene import LIBRARIES, MECHANISMS, SCENARIOS, deadline  # noqa: F401 - the rows read them here

# ------------------------------------------------------------ in the parent

# pthread_cancel on a busy thread freezes the whole child, so the child cannot
# report whether the worker's OS thread ended. The parent looks at
# /proc/CHILD/task while the child is frozen (the driver), and hands what it
# saw to summarize through this table, keyed by the child's pid: both run in
# the parent, one after the other, for the same run.
_SEEN_BY_PARENT: dict[int, dict] = {}
WATCH_S = 2.0  # how long the parent watches; the child's deadline must be longer


def watch_tid(event, child):
    if event.get("kind") != "stop":
        return
    tid, asked = event["native_id"], time.monotonic()
    until = asked + WATCH_S
    while tid in child.tids() and time.monotonic() < until:
        time.sleep(0.001)
    gone = tid not in child.tids() and child.running()
    _SEEN_BY_PARENT[child.pid] = {
        "os_thread_gone_seen_by_parent": gone,
        "parent_latency_s": round(time.monotonic() - asked, 6) if gone else None}


def summarize(outcome):
    pid = next((e.get("pid") for e in outcome.timeline if e["kind"] == "start"), None)
    facts = dict(_SEEN_BY_PARENT.pop(pid, {}))
    ex = outcome.exit
    if ex["timed_out"] and outcome.facts.get("scenario_done"):
        if not joining_at_exit(outcome):  # too slow to tell, not a hang at exit
            raise MissingFact("hung_at_exit (the stack dump shows no main thread in "
                              "threading._shutdown)")
        ended = "hung at exit"
    elif ex["timed_out"]:
        ended = "froze"
    elif ex["signal"]:
        ended = f"killed by {ex['signal']}"
    else:
        ended = f"exit {ex['code']}"
    facts.update(ended=ended, process_ok=ended == "exit 0")
    return facts


def joining_at_exit(outcome) -> bool:
    """The dump shows the main thread in threading._shutdown, the interpreter's
    join of the non-daemon threads at exit (3.10 to 3.15 alike): a hang at
    exit is seen there, not inferred from the deadline alone."""
    main = [t for t in outcome.threads_in_dump() if t["name"] == "MainThread"]
    return bool(main and main[0]["frames"]
                and main[0]["frames"][0][2] == "_shutdown" and "threading" in main[0]["frames"][0][0])


def judge(facts, outcome):
    """Something went wrong in this scenario: the worker was not stopped, or
    the stop broke the lock, the data, the task or the process."""
    return bool(facts.get("stopped") is False or facts.get("lock_held_after_stop") is True
                or facts.get("invariant_ok") is False or facts.get("task_kept") is False
                or not facts["process_ok"])


DIES_OR_FREEZES = ("os-kill-tid.", "pthread-cancel.busy")
# The rows whose child imports an installed package (scene.LIBRARIES) start
# with site (Lab.site); every other row's child starts without it (python -S).

LAB = Lab(
    id="kill-matrix",
    title="The kill matrix",
    hazard="every way to stop a thread by force breaks something; a stop flag breaks nothing",
    variants=scene.VARIANTS,
    judge=judge,
    # The process dies (os-kill-tid) or freezes (a cancelled busy thread) by
    # design once the stop is sent: the rest of those runs is the parent's to see.
    requires=lambda variant: ("stop_requested",) if variant.startswith(DIES_OR_FREEZES)
    else ("daemon_os_thread_exited",) if variant == "daemon-at-exit"  # written at exit
    else ("stop_requested", "scenario_done"),
    summarize=summarize,
    drivers={"pthread-cancel.busy": watch_tid},
    volatile=frozenset({"parent_latency_s", "trace_slowdown_x"}),
    deadline_s=6.0,
    site=lambda variant: variant.split(".")[0] in LIBRARIES,  # installed packages
)
