"""Lab 3 (signal-target): the measured facts of every variant, the guard that
keeps a lab from signalling anything but its own child, the skip paths, and the
sigterm exercise's warning about untimed waits, shown by a run."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading

import pytest

from labs import sandbox
from labs.child import procfs
from labs.child import record as timeline
from labs.lessons.signal_target import measure as signal_target_measure
from labs.lessons.signal_target import scene as signal_target
from labs.lessons.signal_target import view as signal_target_view
from labs.lessons.signal_target.scene import NAMES, TARGET
from labs.show import tables as report
from labs.show import timeline as show_timeline

VARIANTS = list(signal_target_measure.LAB.variants)


@pytest.fixture(scope="module")
def outcomes(run_once):
    """Each variant once per session (shared with the CLI tests), on
    LABS_CHILD_PYTHON when it is set."""
    return {v: run_once("signal-target", v) for v in VARIANTS}


# ------------------------------------------------------------------ facts

def test_hazard_in_every_bad_variant_and_none_in_fixed(outcomes):
    for name, o in outcomes.items():
        assert o.skipped is None and o.error is None, (name, o.error, o.skipped)
        assert o.hazard_observed is name.startswith("bad"), (name, o.facts)


def test_kill_on_a_thread_id_ends_the_whole_process(outcomes):
    o = outcomes["bad"]
    assert o.exit == {"code": None, "signal": "SIGTERM", "timed_out": False}
    f = o.facts
    assert f["target_tid"] == f["threads"][TARGET]  # reported before the death
    assert f["process_survived"] is False and f["others_finished"] is False
    assert f["items_done"] == [0, 0, 0] and f["items_lost"] == len(NAMES)
    assert f["handler_thread"] is None


def test_handler_runs_in_main_thread_and_target_carries_on(outcomes):
    f = outcomes["bad-handler"].facts
    assert outcomes["bad-handler"].exit["code"] == 0
    assert f["handler_thread"] == "MainThread" != TARGET
    assert f["handler_args"] == ["int", "frame"]
    assert f["handler_frame_thread"] == "MainThread"
    assert f["signal_woke"] == [TARGET]  # the kernel did deliver it to the worker
    assert f["process_survived"] and not f["target_stopped"] and f["others_finished"]
    assert f["items_done"] == [signal_target.ITEMS] * 3


def test_pthread_kill_reaches_one_thread_and_its_call_resumes(outcomes):
    f = outcomes["bad-pthread-kill"].facts
    assert f["signal_woke"] == [TARGET]
    assert f["handler_thread"] == "MainThread"
    assert f["target_call_resumed"] is True and f["interrupted_errors"] == 0
    assert not f["target_stopped"] and f["process_survived"]


def test_fixed_stops_one_worker_by_name(outcomes):
    o = outcomes["fixed"]
    assert o.exit["code"] == 0 and o.facts["handler_thread"] is None
    assert o.facts["items_done"] == [3, 1, 3]  # worker-1, worker-2, worker-3
    assert o.facts["target_stopped"] and o.facts["others_finished"]
    assert o.facts["items_lost"] == 0


def test_fixed_sigterm_drains_every_worker(outcomes):
    o = outcomes["fixed-sigterm"]
    assert o.exit["code"] == 0 and o.facts["handler_thread"] == "MainThread"
    assert o.facts["items_done"] == [1, 1, 1] and o.facts["items_lost"] == 0


def test_thread_listing_of_the_child(outcomes):
    for o in outcomes.values():
        f = o.facts
        assert f["thread_names"] == ["MainThread", *NAMES]
        assert f["task_count"] == 4 and f["tids_match_proc"] is True
        assert sorted(f["threads"].values()) == sorted(set(f["threads"].values()))
        ps = signal_target_view.ps_listing(o)
        assert ps is not None
        if ps["command"] is not None:  # ps is installed
            assert f["ps_threads"] == 4


def drawn_texts(outcome) -> list[str]:
    from matplotlib.figure import Figure

    ax = show_timeline.draw(outcome, Figure().subplots())
    return [t.get_text() for t in ax.texts]


def test_the_figure_says_where_the_handler_ran(outcomes):
    texts = drawn_texts(outcomes["bad-handler"])
    assert "Python handler ran here, in MainThread" in texts
    assert not any("killed by" in t for t in texts)  # it survived


def test_the_figure_says_the_whole_process_died(outcomes):
    texts = drawn_texts(outcomes["bad"])
    assert "the process is killed by SIGTERM " in texts
    assert not any("handler ran" in t for t in texts)  # no handler: none ran


# --------------------------------------------- the sigterm exercise's warning

# The main thread waits for a worker, untimed (t.join()) or in timed steps;
# the worker makes the kernel give SIGTERM to itself (pthread_kill: the case
# a process-directed signal meets when the kernel picks a worker), once /proc
# shows the main thread blocked; then it waits up to 0.5 s for the handler.
# Prints when the handler ran: before or after the worker ended.
UNTIMED_WAIT = """
import os, signal, sys, threading, time
from labs.child import procfs, wait
ran, ended = [], []
signal.signal(signal.SIGTERM, lambda s, f: ran.append(time.monotonic()))
main_tid = threading.get_native_id()
def worker():
    wait.until(lambda: procfs.task_state(os.getpid(), main_tid)[1] == procfs.FUTEX)
    signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
    wait.until(lambda: ran, 0.5)
    ended.append(time.monotonic())
t = threading.Thread(target=worker)
t.start()
if sys.argv[1] == "timed":
    while t.is_alive():
        t.join(0.05)
else:
    t.join()
print("before" if ran and ran[0] < ended[0] else "after")
"""


@pytest.mark.parametrize("wait, handler_ran", [("untimed", "after"), ("timed", "before")])
def test_a_signal_a_worker_takes_does_not_wake_an_untimed_join(wait, handler_ran):
    """The statement of signal-target/sigterm: "a signal the kernel gives
    another thread does not wake an untimed wait". Its Python handler runs
    only in the main thread, and only once that thread's wait returns: here
    when the worker ends; a wait in timed steps runs it within a step
    (measured the same on 3.10.13 to 3.15.2)."""
    if procfs.cannot_watch_threads() or procfs.FUTEX is None:
        pytest.skip("/proc cannot show where the main thread waits")
    done = subprocess.run([sys.executable, "-c", UNTIMED_WAIT, wait], capture_output=True,
                          text=True, timeout=60, cwd=sandbox.PROJECT_ROOT,
                          env=dict(os.environ, PYTHONPATH=str(sandbox.PROJECT_ROOT)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [handler_ran]


# ------------------------------------------------------------------ the guard

def test_child_signal_refuses_this_process_and_pid_1(sleeper, kills):
    child = sandbox.Child(sleeper)
    for target in (os.getpid(), 1, os.getppid()):
        with pytest.raises(PermissionError):
            child.signal(signal.SIGTERM, tid=target)
    assert kills == []


def test_driver_refuses_a_tid_that_is_not_the_childs(sleeper, kills):
    child = sandbox.Child(sleeper)
    forged = {"kind": "facts", "facts": {"target_tid": os.getpid()}}
    with pytest.raises(PermissionError):
        signal_target_measure.send_sigterm_to_target(forged, child)
    assert kills == []


def test_driver_signals_the_child_and_nothing_else(sleeper, kills):
    child = sandbox.Child(sleeper)
    signal_target_measure.send_sigterm_to_target({"kind": "mark", "label": "x"}, child)
    signal_target_measure.send_sigterm_to_target({"kind": "facts", "facts": {"other": 1}}, child)
    assert kills == []
    signal_target_measure.send_sigterm_to_target(
        {"kind": "facts", "facts": {"target_tid": sleeper.pid}}, child)
    assert kills == [(sleeper.pid, signal.SIGTERM)]


def test_this_process_is_not_signalled_by_a_run():
    got = []
    previous = signal.signal(signal.SIGTERM, lambda s, f: got.append(s))
    try:
        o = sandbox.run("signal-target", "bad")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert o.exit["signal"] == "SIGTERM" and got == []


# ------------------------------------------------------------------ skips and helpers

def test_skips_where_proc_cannot_show_threads(monkeypatch):
    monkeypatch.setattr(signal_target, "can_watch_threads", lambda: "no /proc here")
    before = threading.active_count()
    with pytest.raises(timeline.Skip, match="no /proc here"):
        signal_target.bad_handler()
    assert threading.active_count() == before
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_can_watch_threads_here():
    assert signal_target.can_watch_threads() is None


def test_ps_falls_back_when_a_command_fails(monkeypatch):
    monkeypatch.setattr(signal_target, "PS_OPTIONS",
                        (["-o", "no-such-column"], ["-o", "tid"]))
    if shutil.which("ps") is None:
        pytest.skip("ps is not installed")
    command, output, failed = signal_target.ps_threads(os.getpid())
    assert command == "ps -mp PID -o tid"
    assert str(threading.get_native_id()) in output
    assert failed == ["ps -mp PID -o no-such-column: exit 1"]


def test_strace_skip_reason_without_strace(monkeypatch):
    monkeypatch.setattr(signal_target_view.shutil, "which", lambda name: None)
    assert signal_target_view.strace_reason() == "strace is not installed"
    assert signal_target_view.strace_variant() == (None, "strace is not installed")


def test_strace_refuses_a_variant_that_needs_the_driver():
    with pytest.raises(ValueError):
        signal_target_view.strace_variant("bad")


def test_name_strace_keeps_the_target_and_names_threads():
    names = {100: "MainThread", 102: "worker-2", 103: "worker-3"}
    trace = ["103 recvfrom(8,  <unfinished ...>",
             "102 recvfrom(7,  <unfinished ...>",
             "100 tgkill(100, 102, SIGTERM)     = 0",
             "102 --- SIGTERM {si_signo=SIGTERM, si_code=SI_TKILL, si_pid=100, si_uid=0} ---"]
    assert signal_target_view.name_strace(trace, names) == [
        "worker-2    recvfrom(7,  <unfinished ...>",
        "MainThread  tgkill(PID, worker-2, SIGTERM)     = 0",
        "worker-2    --- SIGTERM {si_signo=SIGTERM, si_code=SI_TKILL, si_pid=PID, si_uid=0} ---",
    ]


def test_demo_figure_is_written_for_every_variant(outcomes, tmp_path):
    paths = report.save_figures(list(outcomes.values()), tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"signal-target-{v}.png" for v in VARIANTS)
    assert all(p.stat().st_size > 0 for p in paths)
