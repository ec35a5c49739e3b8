"""The hidden lab ``matrix``: one variant per row and scenario.

The variants (``MECHANISM.SCENARIO``) run in the sandbox's child: thread rows
in ``labs.matrix.threads``, process rows in ``labs.matrix.processes``. The
judge, the summary of a run and the driver below run in the parent, called
by the sandbox. A few changed scenarios (``.catching``, ``.acquire``,
``.requeue``, ``.daemon``) let the tests show that a cell comes from the run.
"""
from __future__ import annotations

import time

from labs.lab import Lab
from labs.matrix.processes import PROCESSES, run_processes
from labs.matrix.threads import COOPERATIVE, run_threads

# Rows, in the order of the table: the thread recipes people copy, then the
# process rows, then the stop flags.
MECHANISMS = ("async-exc", "async-exc+signal", "settrace", "stopit", "func-timeout",
              "sigalrm", "join-timeout", "thread-_stop", "pthread-cancel", "os-kill-tid",
              "pthread-kill", *PROCESSES, *COOPERATIVE)
SCENARIOS = ("busy", "blocked", "midway")


def variant(mechanism, scenario, option=None):
    runner = run_processes if mechanism in PROCESSES else run_threads
    fn = lambda: runner(mechanism, scenario, option)  # noqa: E731
    fn.__name__ = f"{mechanism}.{scenario}" + (f".{option}" if option else "")
    return fn


VARIANTS = {f"{m}.{s}": variant(m, s) for m in MECHANISMS for s in SCENARIOS}
# Changed scenarios: the tests run them to prove that a cell comes from the run.
VARIANTS.update({
    "async-exc.busy.catching": variant("async-exc", "busy", "catching"),
    "func-timeout.busy.catching": variant("func-timeout", "busy", "catching"),
    "settrace.busy.catching": variant("settrace", "busy", "catching"),
    "async-exc.midway.acquire": variant("async-exc", "midway", "acquire"),
    "async-exc.midway.requeue": variant("async-exc", "midway", "requeue"),
    "pthread-cancel.blocked.daemon": variant("pthread-cancel", "blocked", "daemon"),
})


def deadline(variant_name) -> float:
    return 6.0 if variant_name.split(".")[0] in PROCESSES else 3.0


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
    gone = tid not in child.tids() and child.proc.poll() is None
    _SEEN_BY_PARENT[child.pid] = {
        "os_thread_gone_seen_by_parent": gone,
        "parent_latency_s": round(time.monotonic() - asked, 6) if gone else None}


def summarize(outcome):
    pid = next((e.get("pid") for e in outcome.timeline if e["kind"] == "start"), None)
    facts = dict(_SEEN_BY_PARENT.pop(pid, {}))
    ex = outcome.exit
    if ex["timed_out"]:
        ended = "hung at exit" if outcome.facts.get("scenario_done") else "froze"
    elif ex["signal"]:
        ended = f"killed by {ex['signal']}"
    else:
        ended = f"exit {ex['code']}"
    facts.update(ended=ended, process_ok=ended == "exit 0")
    return facts


def judge(facts, outcome):
    """Something went wrong in this scenario: the worker was not stopped, or
    the stop broke the lock, the data, the task or the process."""
    return bool(facts.get("stopped") is False or facts.get("lock_held_after_stop") is True
                or facts.get("invariant_ok") is False or facts.get("task_kept") is False
                or not facts["process_ok"])


DIES_OR_FREEZES = ("os-kill-tid.", "pthread-cancel.busy")

LAB = Lab(
    id="matrix",
    title="The kill matrix",
    hazard="every way to stop a thread by force breaks something; a stop flag breaks nothing",
    variants=VARIANTS,
    judge=judge,
    # The process dies (os-kill-tid) or freezes (a cancelled busy thread) by
    # design once the stop is sent: the rest of those runs is the parent's to see.
    requires=lambda variant: ("stop_requested",) if variant.startswith(DIES_OR_FREEZES)
    else ("stop_requested", "scenario_done"),
    summarize=summarize,
    drivers={"pthread-cancel.busy": watch_tid},
    volatile=frozenset({"parent_latency_s", "trace_slowdown_x"}),
    deadline_s=6.0,
)
