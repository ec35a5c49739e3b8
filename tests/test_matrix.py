"""The kill matrix: its cells come from runs, and change when the scenario does."""
from __future__ import annotations

import json
import os
import signal
import threading

import pytest

from labs import sandbox
from labs.child import procfs
from labs.child import record as timeline
from labs.contract import registry, versions
from labs.lessons.kill_matrix import figures, measure, mechanisms, processes, rows, scene, threads
from labs.lessons.kill_matrix import rows as matrix_rows


def run(run_once, variant):
    return run_once("kill-matrix", variant, scene.deadline(variant))


def row_of(run_once, mechanism):
    return rows.cells(mechanism, {s: run(run_once, f"{mechanism}.{s}")
                                    for s in scene.SCENARIOS})


# ------------------------------------------------ changing the scenario changes the cell

def test_async_exc_stops_a_busy_loop_unless_the_loop_catches_it(run_once):
    plain = run(run_once, "async-exc.busy")
    catching = run(run_once, "async-exc.busy.catching")
    assert plain.facts["stopped"] is True and plain.facts["caught"] == 0
    assert catching.facts["stopped"] is False and catching.facts["caught"] == 1
    assert plain.hazard_observed is False and catching.hazard_observed is True


def test_func_timeout_is_defeated_by_except_baseexception(run_once):
    assert run(run_once, "func-timeout.busy").facts["stopped"] is True
    assert run(run_once, "func-timeout.busy.catching").facts["stopped"] is False


def test_with_releases_the_lock_acquire_does_not(run_once):
    with_ = run(run_once, "async-exc.midway").facts
    acquire = run(run_once, "async-exc.midway.acquire").facts
    assert with_["lock_held_after_stop"] is False and acquire["lock_held_after_stop"] is True
    # Either way the stop landed between debit and credit.
    assert with_["invariant_ok"] is False and acquire["invariant_ok"] is False


def test_a_worker_that_requeues_keeps_its_task(run_once):
    assert run(run_once, "async-exc.midway").facts["task_kept"] is False
    requeue = run(run_once, "async-exc.midway.requeue").facts
    assert requeue["task_kept"] is True and requeue["task_finished"] is False


def test_pthread_cancel_hangs_exit_only_for_a_non_daemon_thread(run_once):
    joined = run(run_once, "pthread-cancel.blocked")
    daemon = run(run_once, "pthread-cancel.blocked.daemon")
    for o in (joined, daemon):
        assert o.facts["stopped"] is True
        assert o.facts["python_thinks_alive"] is True  # is_alive() lies
    assert joined.facts["ended"] == "hung at exit" and joined.exit["timed_out"] is True
    assert daemon.facts["ended"] == "exit 0" and daemon.facts["process_ok"] is True


# ------------------------------------------------ rows and cells

def test_stop_flag_rows_break_nothing(run_once):
    for mech in threads.COOPERATIVE:
        runs = {s: run(run_once, f"{mech}.{s}") for s in scene.SCENARIOS}
        row = rows.cells(mech, runs)
        assert [row[c] for c in rows.COLUMNS[:-1]] == [True, True, False, True, True, True]
        assert row["stop_latency_s"] >= 0
        assert "nothing went wrong" in row["summary"]


def test_a_killed_process_leaves_the_midway_cells_empty_with_a_reason(run_once):
    runs = {s: run(run_once, f"os-kill-tid.{s}") for s in scene.SCENARIOS}
    for o in runs.values():
        assert o.exit["signal"] == "SIGTERM" and o.facts["stop_requested"] is True
    row = rows.cells("os-kill-tid", runs)
    assert row["process_survived"] is False
    for column in ("lock_held_after_stop", "invariant_intact", "task_kept", "stop_latency_s"):
        assert row[column] is None and row["notes"][column]
    assert "SIGTERM" in row["notes"]["busy_thread_stopped"]
    assert "in every scenario" in row["summary"]


def test_pthread_kill_raises_in_the_main_thread_and_never_lands(run_once):
    runs = {s: run(run_once, f"pthread-kill.{s}") for s in scene.SCENARIOS}
    for o in runs.values():
        assert o.facts["main_interrupted"] is True and o.facts["process_ok"] is True
    assert runs["busy"].facts["stopped"] is False
    assert runs["midway"].facts["stop_landed"] is False  # it went on to the next task
    row = rows.cells("pthread-kill", runs)
    for column in ("lock_held_after_stop", "invariant_intact", "task_kept"):
        assert row[column] is None and "never landed" in row["notes"][column]
    assert "main thread" in row["summary"]


def test_process_rows_leave_the_lock_held_and_no_process_behind(run_once):
    for variant in ("process-terminate.midway", "pebble.midway"):
        o = run(run_once, variant)
        f = o.facts
        assert f["stopped_midway"] is True and f["process_ok"] is True
        assert (f["lock_held_after_stop"], f["invariant_ok"], f["task_kept"]) == (True, False, False)
        # The child led its own session: nothing of that session is left.
        child = next(e["pid"] for e in o.timeline if e["kind"] == "start")
        assert child not in sessions_alive()


def sessions_alive() -> set[int]:
    """Session ids of every live process."""
    fields = [procfs.stat(int(pid)) for pid in filter(str.isdigit, os.listdir("/proc"))]
    return {int(f[3]) for f in fields if f and f[0] != "Z"}  # state, ppid, pgrp, session


def test_the_summary_is_composed_from_the_cells():
    row = {"mechanism": "x", "busy_thread_stopped": True, "blocked_thread_stopped": False,
           "lock_held_after_stop": False, "invariant_intact": False, "task_kept": None,
           "process_survived": True}
    assert rows.summary(row) == ("x: it did not stop the thread blocked in a C call, "
                                   "and left the data half-updated.")
    row.update(blocked_thread_stopped=True, invariant_intact=True)
    assert "nothing went wrong" in rows.summary(row)
    assert "froze the whole process with the busy worker" in rows.summary(
        row, failed={"busy": "froze"})


def test_judge_reads_the_facts():
    class Ended:
        exit = {"timed_out": False}
    clean = {"stopped": True, "process_ok": True}
    assert measure.judge(clean, Ended) is False
    for change in ({"stopped": False}, {"process_ok": False}, {"lock_held_after_stop": True},
                   {"invariant_ok": False}, {"task_kept": False}):
        assert measure.judge({**clean, **change}, Ended) is True


# ------------------------------------------------ the recipes people still copy

def test_settrace_stops_busy_code_only_and_costs_while_idle(run_once):
    row = row_of(run_once, "settrace")
    assert row["busy_thread_stopped"] is True and row["blocked_thread_stopped"] is False
    assert row["process_survived"] is True
    # midway: the stop waits for recv to return, then lands inside the transfer
    assert (row["lock_held_after_stop"], row["invariant_intact"], row["task_kept"]) == (
        False, False, False)
    assert row["measured"]["trace_slowdown_x"] > 1.5  # tracing costs with no stop at all
    assert "slower" in row["notes"]["trace_cost"]


def test_settrace_is_defeated_by_except_baseexception(run_once):
    """A changed scenario: the same tracer, a worker that swallows the
    exception; CPython removes a trace function that raised, so it runs on."""
    o = run(run_once, "settrace.busy.catching")
    assert o.facts["stopped"] is False and o.facts["caught"] == 1


def test_join_with_a_timeout_stops_nothing(run_once):
    row = row_of(run_once, "join-timeout")
    assert row["busy_thread_stopped"] is False and row["blocked_thread_stopped"] is False
    assert row["measured"]["alive_after_join_timeout"] is True
    assert row["lock_held_after_stop"] is None  # the stop never landed


def test_sigalrm_in_a_worker_raises_and_stops_nothing(run_once):
    row = row_of(run_once, "sigalrm")
    m = row["measured"]
    assert m["alarm_raised"] == "ValueError"
    assert m["alarm_message"] == "signal only works in main thread of the main interpreter"
    assert row["busy_thread_stopped"] is False and row["blocked_thread_stopped"] is False
    assert row["process_survived"] is True


def test_private_stop_stops_nothing(run_once):
    row = row_of(run_once, "thread-_stop")
    m = row["measured"]
    python = run(run_once, "thread-_stop.busy").python
    # 3.10-3.12: an assert on the running thread's lock; 3.13: no such method.
    expected = "AttributeError" if tuple(map(int, python.split(".")[:2])) >= (3, 13) \
        else "AssertionError"
    assert m["private_stop_raised"] == expected
    assert m["is_alive_after_private_stop"] is True
    assert row["busy_thread_stopped"] is False and row["blocked_thread_stopped"] is False


def test_async_exc_plus_signal_still_waits_in_recv(run_once):
    """3.10-3.14: the signal interrupts recv, PEP 475 retries it, and the
    scheduled exception waits until the call returns. From 3.15 (gh-144748) the
    retry raises it: the worker stops. labs/contract/versions.py says which applies."""
    busy, blocked = (run(run_once, f"async-exc+signal.{s}") for s in ("busy", "blocked"))
    assert busy.facts["stopped"] is True
    expected = {"stopped": False, **versions.predicted(
        "kill-matrix", "async-exc+signal.blocked", versions.version_of(blocked.python))}
    assert blocked.facts["stopped"] is expected["stopped"]
    assert blocked.facts["signal_handler_ran"] is True
    row = row_of(run_once, "async-exc+signal")
    assert "gh-144748" in row["notes"]["cited"]


# ------------------------------------------------ what the figure and the table say

def test_the_figure_says_a_thread_stopped_only_because_the_process_died(run_once):
    from matplotlib.figure import Figure

    killed = row_of(run_once, "os-kill-tid")
    assert killed["caveats"]["busy_thread_stopped"] == "process died"
    flag = row_of(run_once, "event")
    ax = figures.draw({"rows": [killed, flag]}, Figure().subplots())
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("yes:\nprocess died") == 2  # busy and blocked
    assert "stop\nlatency (ms)" in [t.get_text() for t in ax.get_xticklabels()]
    colors = {p.get_facecolor()[:3] for p in ax.patches}
    assert len(colors) >= 3  # held up, does not apply, and the caveat's own colour


def test_the_table_fits_80_columns(run_once, monkeypatch):
    rows = [row_of(run_once, m) for m in ("os-kill-tid", "event", "pthread-kill")]
    monkeypatch.setenv("COLUMNS", "80")
    text = figures.table({"rows": rows})
    assert max(map(len, text.splitlines())) <= 80
    assert "os-kill-tid" in text and "yes*" in text
    words = set(" ".join(r["summary"] for r in rows).split())
    assert words <= set(text.split())  # wrapped at words, never inside one


def test_progress_is_called_with_done_total_label(monkeypatch):
    seen = []
    monkeypatch.setattr(matrix_rows.sandbox, "run", lambda lab, name, **kw: fake(name))
    rows.run_matrix(progress=lambda *a: seen.append(a), mechanisms=("event", "stopit"),
                    parallel=1)
    assert seen == [(0, 6, "event.busy"), (1, 6, "event.blocked"), (2, 6, "event.midway"),
                    (3, 6, "stopit.busy"), (4, 6, "stopit.blocked"), (5, 6, "stopit.midway"),
                    (6, 6, "done")]


def test_rows_run_side_by_side_come_back_in_order_with_progress_in_the_caller(monkeypatch):
    """Three rows at a time: each row's runs keep their order, the rows their
    places, and progress is called only in the calling thread."""
    both = threading.Barrier(2, timeout=10)  # two rows' first runs are under way at once
    callers, seen = set(), []

    def run(lab, name, **kw):
        if name in ("event.busy", "stopit.busy"):
            both.wait()
        return fake(name)

    monkeypatch.setattr(matrix_rows.sandbox, "run", run)
    m = rows.run_matrix(progress=lambda *a: (seen.append(a), callers.add(threading.get_ident())),
                        mechanisms=("event", "stopit"), parallel=3)
    assert [r["mechanism"] for r in m["rows"]] == ["event", "stopit"]
    assert callers == {threading.get_ident()}
    assert [done for done, _, _ in seen] == list(range(7)) and seen[-1] == (6, 6, "done")
    for mechanism in ("event", "stopit"):
        assert [label for _, _, label in seen if label.startswith(mechanism)] == [
            f"{mechanism}.busy", f"{mechanism}.blocked", f"{mechanism}.midway"]


def fake(name):
    facts = {"stopped": True, "stop_latency_s": 0.01, "ended": "exit 0", "process_ok": True}
    if name.endswith("midway"):
        facts.update(lock_held_after_stop=False, invariant_ok=True, task_kept=True)
    return sandbox.Outcome(lab="kill-matrix", variant=name, hazard_observed=False, facts=facts,
                           exit={"code": 0, "signal": None, "timed_out": False}, elapsed_s=0,
                           stacks=None, timeline=[], python=None)


def timed_out_after_the_scenario(main_frame):
    stacks = ("Thread 0x00007f0000000001 [worker] (most recent call first):\n"
              '  File "labs/child/scenes.py", line 103 in wait_for_data\n\n'
              "Current thread 0x00007f0000000002 [MainThread] (most recent call first):\n"
              f"  File {main_frame}\n")
    return sandbox.Outcome(lab="kill-matrix", variant="stopit.blocked", hazard_observed=None,
                           facts={"stop_requested": True, "scenario_done": True},
                           exit={"code": None, "signal": "SIGABRT", "timed_out": True},
                           elapsed_s=6, stacks=stacks, python=None,
                           timeline=[{"t": 1.6, "kind": "end", "threads": [
                               {"name": "MainThread", "ident": 0x7F0000000002}]}])


def test_a_hang_at_exit_is_seen_in_the_dump_not_guessed_from_the_deadline():
    at_exit = timed_out_after_the_scenario('"<stdlib>/threading.py", line 1590 in _shutdown')
    assert measure.summarize(at_exit)["ended"] == "hung at exit"
    elsewhere = timed_out_after_the_scenario('"labs/child/runtime.py", line 130 in main')
    with pytest.raises(sandbox.MissingFact, match="threading._shutdown"):
        measure.summarize(elsewhere)


# ------------------------------------------------ the command, skips, bad input

def test_json_has_every_column_for_every_row(monkeypatch, capsys):
    monkeypatch.setattr(matrix_rows, "MECHANISMS", ("event-wakeup", "os-kill-tid"))
    figures.main(as_json=True)
    out = json.loads(capsys.readouterr().out)
    assert [r["mechanism"] for r in out["rows"]] == ["event-wakeup", "os-kill-tid"]
    for r in out["rows"]:
        assert set(r) == {"mechanism", *rows.COLUMNS, "notes", "caveats", "measured",
                          "summary"}
        for column in rows.COLUMNS:  # a null cell always says why
            assert r[column] is not None or column in r["notes"]


def test_text_table_names_every_row(monkeypatch, capsys):
    monkeypatch.setattr(matrix_rows, "MECHANISMS", ("event-wakeup",))
    figures.main()
    captured = capsys.readouterr()
    assert "event-wakeup" in captured.out and "stopped" in captured.out
    assert "matrix [0/3] event-wakeup.busy" in captured.err


def test_a_missing_library_skips_the_row():
    with pytest.raises(timeline.Skip, match="no_such_library"):
        mechanisms.need("no_such_library")
    row = rows.skipped_row("stopit", "stopit cannot be imported here")
    assert all(row[c] is None for c in rows.COLUMNS) and row["notes"]["skipped"]


def test_unknown_variant_is_refused():
    with pytest.raises(registry.UnknownName):
        sandbox.run("kill-matrix", "async-exc.nowhere")


def test_a_row_comes_from_its_runs_not_its_name(run_once):
    """The same mechanism's cells, from the plain and the changed scenario:
    only the runs differ, and so do the cells."""
    runs = {s: run(run_once, f"async-exc.{s}") for s in scene.SCENARIOS}
    plain = rows.cells("async-exc", runs)
    changed = rows.cells("async-exc", {**runs, "busy": run(run_once, "async-exc.busy.catching"),
                                         "midway": run(run_once, "async-exc.midway.acquire")})
    assert (plain["busy_thread_stopped"], changed["busy_thread_stopped"]) == (True, False)
    assert (plain["lock_held_after_stop"], changed["lock_held_after_stop"]) == (False, True)


def test_the_table_without_latency_keeps_the_settrace_cost(run_once):
    """Issue 21 item 16: notebook 06 promises the slowdown in the row's note."""
    row = row_of(run_once, "settrace")
    text = figures.table({"rows": [row]}, latency=False, columns=200)
    assert "more than twice as slow" in text and "figures.table(m)" in text
    assert f"{row['measured']['trace_slowdown_x']:g}x slower" in figures.table(
        {"rows": [row]}, columns=200)


# ------------------------------------------------ new in 3.14: ProcessPoolExecutor's own stops

def python_of(outcome) -> tuple:
    return versions.version_of(outcome.python)[:2]


def measured_on_314(outcome):
    """Skip, with the reason the run gave, where the method does not exist;
    a run that skipped on 3.14 or later is a failure, not a skip."""
    if outcome.skipped:
        assert python_of(outcome) < (3, 14), outcome.skipped
        pytest.skip(outcome.skipped)
    assert python_of(outcome) >= (3, 14)


def test_pool_rows_are_skipped_with_the_reason_before_3_14(run_once):
    for mech in processes.POOL_STOPS:
        o = run(run_once, f"{mech}.busy")
        if python_of(o) >= (3, 14):
            assert o.skipped is None and o.facts["stopped"] is True
        else:
            assert o.skipped.startswith(
                f"needs Python 3.14: ProcessPoolExecutor.{mech} is new in 3.14")
            row = rows.skipped_row(mech, o.skipped)
            assert "needs Python 3.14" in row["summary"]


@pytest.mark.parametrize("mech, signal_name", [("terminate_workers", "SIGTERM"),
                                               ("kill_workers", "SIGKILL")])
def test_pool_rows_kill_the_worker_process_and_break_what_it_held(run_once, mech, signal_name):
    runs = {s: run(run_once, f"{mech}.{s}") for s in scene.SCENARIOS}
    measured_on_314(runs["busy"])
    for o in runs.values():
        assert o.facts["worker_exit_signal"] == signal_name  # from the worker's exit code
        assert o.facts["future_raised"] == "BrokenProcessPool"
        assert o.facts["process_ok"] is True
    f = runs["midway"].facts
    assert f["stopped_midway"] is True
    assert (f["lock_held_after_stop"], f["invariant_ok"], f["task_kept"]) == (True, False, False)
    row = rows.cells(mech, runs)
    assert [row[c] for c in rows.COLUMNS[:-1]] == [True, True, True, False, False, True]
    assert f"died by {signal_name}" in row["notes"]["pool"]


def test_terminate_workers_does_not_stop_a_worker_that_ignores_sigterm(run_once):
    """A changed scenario: the worker ignores SIGTERM. terminate_workers()
    sends SIGTERM and the worker runs on; kill_workers() sends SIGKILL."""
    terminated = run(run_once, "terminate_workers.busy.ignoring")
    measured_on_314(terminated)
    killed = run(run_once, "kill_workers.busy.ignoring").facts
    assert terminated.facts["stopped"] is False and terminated.hazard_observed is True
    assert terminated.facts["worker_exit_signal"] is None  # the clean-up ended it, not the stop
    assert killed["stopped"] is True and killed["worker_exit_signal"] == "SIGKILL"


# ------------------------------------------------ a daemon thread at exit (gh-87135)

def test_a_daemon_thread_woken_at_exit_ends_or_hangs_as_this_python_does(run_once):
    """Woken during finalization, the daemon worker needs the GIL back: 3.10.13
    to 3.13.0 end its OS thread (pthread_exit), 3.14 and 3.15 (and 3.13.8 on,
    cited) hang it in pause() (gh-87135). labs/contract/versions.py says which
    applies."""
    o = run(run_once, "daemon-at-exit")
    f = o.facts
    assert f["daemon"] is True and f["finalizing_when_woken"] is True
    expected = {"daemon_os_thread_exited": True, "daemon_hung": False, **versions.predicted(
        "kill-matrix", "daemon-at-exit", versions.version_of(o.python))}
    assert {k: f[k] for k in expected} == expected
    assert f["process_ok"] is True  # either way the process exits, with 0


def test_an_interrupted_matrix_kills_the_children_under_way_and_starts_no_more(monkeypatch):
    """Ctrl-C (here: the progress callback raises it once two rows are under
    way): every running child gets SIGKILL, its row's run ends, and no row
    starts its next scenario."""
    class FakeChild:
        def __init__(self):
            self.killed = threading.Event()

        def signal(self, sig):
            assert sig == signal.SIGKILL
            self.killed.set()

    children, both = [], threading.Barrier(3, timeout=10)

    def run(lab, name, on_start=None, **kw):
        child = FakeChild()
        children.append((name, child))
        on_start(child)
        both.wait()  # two rows' first runs have started: the caller may now be interrupted
        assert child.killed.wait(10), f"{name} was never stopped"
        return fake(name)

    def progress(done, total, label):
        if done == 1:
            both.wait()
            raise KeyboardInterrupt

    monkeypatch.setattr(matrix_rows.sandbox, "run", run)
    with pytest.raises(KeyboardInterrupt):
        rows.run_matrix(progress=progress, mechanisms=("event", "stopit", "settrace"), parallel=2)
    assert sorted(name for name, _ in children) == ["event.busy", "stopit.busy"]
    assert all(child.killed.is_set() for _, child in children)
