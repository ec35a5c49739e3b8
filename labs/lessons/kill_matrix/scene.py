"""The kill matrix's variants: one per row (mechanism) and scenario, in the child.

A variant ``MECHANISM.SCENARIO`` runs in the sandbox's child: thread rows in
``threads``, process rows in ``processes``. A few changed scenarios
(``.catching``, ``.acquire``, ``.requeue``, ``.daemon``, ``.ignoring``) let the tests show
that a cell comes from the run. The judge is in ``measure`` (the parent).
"""
from __future__ import annotations

from labs.lessons.kill_matrix.processes import PROCESSES, run_processes
from labs.lessons.kill_matrix.threads import COOPERATIVE, run_threads

# Rows, in the order of the table: the thread recipes people copy, then the
# process rows, then the stop flags.
MECHANISMS = ("async-exc", "async-exc+signal", "settrace", "stopit", "func-timeout",
              "sigalrm", "join-timeout", "thread-_stop", "pthread-cancel", "os-kill-tid",
              "pthread-kill", *PROCESSES, *COOPERATIVE)
SCENARIOS = ("busy", "blocked", "midway")
# The rows whose child imports an installed package (Lab.site): it does so
# after the "start" event, inside the deadline (stopit imports pkg_resources,
# which scans every installed distribution: 0.15 s idle, over a second on a
# loaded machine).
LIBRARIES = ("stopit", "func-timeout", "pebble")


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
    "terminate_workers.busy.ignoring": variant("terminate_workers", "busy", "ignoring"),
    "kill_workers.busy.ignoring": variant("kill_workers", "busy", "ignoring"),
})


def daemon_at_exit():
    """Not a row: what the interpreter's exit does to a daemon thread
    (at_exit; imported here, not at the top: no row's child needs it)."""
    from labs.lessons.kill_matrix.at_exit import run_daemon_at_exit
    run_daemon_at_exit()


VARIANTS["daemon-at-exit"] = daemon_at_exit


def deadline(variant_name) -> float:
    """A row's run: about 1.6 s of waits (a timeout, a window) in a thread row;
    twice the room where a process starts or a package is imported."""
    row = variant_name.split(".")[0]
    return 6.0 if row in PROCESSES or row in LIBRARIES else 3.0
