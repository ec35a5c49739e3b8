"""The kill matrix: its cells come from runs, and change when the scenario does."""
from __future__ import annotations

import json
import os

import pytest

from labs import matrix, procfs, registry, sandbox, timeline


def run(run_once, variant):
    return run_once("matrix", variant, matrix._deadline(variant))


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
    assert with_["lock_released"] is True and acquire["lock_released"] is False
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
    for mech in matrix.COOPERATIVE:
        runs = {s: run(run_once, f"{mech}.{s}") for s in matrix.SCENARIOS}
        row = matrix.cells(mech, runs)
        assert [row[c] for c in matrix.COLUMNS[:-1]] == [True] * 6
        assert row["stop_latency_s"] >= 0
        assert "nothing went wrong" in row["summary"]


def test_a_killed_process_leaves_the_midway_cells_empty_with_a_reason(run_once):
    runs = {s: run(run_once, f"os-kill-tid.{s}") for s in matrix.SCENARIOS}
    for o in runs.values():
        assert o.exit["signal"] == "SIGTERM" and o.facts["stop_requested"] is True
    row = matrix.cells("os-kill-tid", runs)
    assert row["process_survived"] is False
    for column in ("lock_released", "invariant_intact", "task_kept", "stop_latency_s"):
        assert row[column] is None and row["notes"][column]
    assert "SIGTERM" in row["notes"]["busy_thread_stopped"]
    assert "in every scenario" in row["summary"]


def test_pthread_kill_raises_in_the_main_thread_and_never_lands(run_once):
    runs = {s: run(run_once, f"pthread-kill.{s}") for s in matrix.SCENARIOS}
    for o in runs.values():
        assert o.facts["main_interrupted"] is True and o.facts["process_ok"] is True
    assert runs["busy"].facts["stopped"] is False
    assert runs["midway"].facts["stop_landed"] is False  # it went on to the next task
    row = matrix.cells("pthread-kill", runs)
    for column in ("lock_released", "invariant_intact", "task_kept"):
        assert row[column] is None and "never landed" in row["notes"][column]
    assert "main thread" in row["summary"]


def test_process_rows_leave_the_lock_held_and_no_process_behind(run_once):
    for variant in ("process-terminate.midway", "pebble.midway"):
        o = run(run_once, variant)
        f = o.facts
        assert f["stopped_midway"] is True and f["process_ok"] is True
        assert (f["lock_released"], f["invariant_ok"], f["task_kept"]) == (False, False, False)
        # The child led its own session: nothing of that session is left.
        child = next(e["pid"] for e in o.timeline if e["kind"] == "start")
        assert child not in sessions_alive()


def sessions_alive() -> set[int]:
    """Session ids of every live process."""
    fields = [procfs.stat(int(pid)) for pid in filter(str.isdigit, os.listdir("/proc"))]
    return {int(f[3]) for f in fields if f and f[0] != "Z"}  # state, ppid, pgrp, session


def test_the_summary_is_composed_from_the_cells():
    row = {"mechanism": "x", "busy_thread_stopped": True, "blocked_thread_stopped": False,
           "lock_released": True, "invariant_intact": False, "task_kept": None,
           "process_survived": True}
    assert matrix.summary(row) == ("x: it did not stop the thread blocked in a C call, "
                                   "and left the data half-updated.")
    row.update(blocked_thread_stopped=True, invariant_intact=True)
    assert "nothing went wrong" in matrix.summary(row)
    assert "froze the whole process with the busy worker" in matrix.summary(
        row, failed={"busy": "froze"})


def test_judge_reads_the_facts():
    class Ended:
        exit = {"timed_out": False}
    clean = {"stopped": True, "process_ok": True}
    assert matrix.judge(clean, Ended) is False
    for change in ({"stopped": False}, {"process_ok": False}, {"lock_released": False},
                   {"invariant_ok": False}, {"task_kept": False}):
        assert matrix.judge({**clean, **change}, Ended) is True


# ------------------------------------------------ the command, skips, bad input

def test_json_has_every_column_for_every_row(monkeypatch, capsys):
    monkeypatch.setattr(matrix, "MECHANISMS", ("event-wakeup", "os-kill-tid"))
    matrix.main(["--json"])
    out = json.loads(capsys.readouterr().out)
    assert [r["mechanism"] for r in out["rows"]] == ["event-wakeup", "os-kill-tid"]
    for r in out["rows"]:
        assert set(r) == {"mechanism", *matrix.COLUMNS, "notes", "summary"}
        for column in matrix.COLUMNS:  # a null cell always says why
            assert r[column] is not None or column in r["notes"]


def test_text_table_names_every_row(monkeypatch, capsys):
    monkeypatch.setattr(matrix, "MECHANISMS", ("event-wakeup",))
    matrix.main([])
    captured = capsys.readouterr()
    assert "event-wakeup" in captured.out and "busy stopped" in captured.out
    assert "matrix: event-wakeup.busy ..." in captured.err


def test_a_missing_library_skips_the_row():
    with pytest.raises(timeline.Skip, match="no_such_library"):
        matrix.need("no_such_library")
    row = matrix.skipped_row("stopit", "stopit cannot be imported here")
    assert all(row[c] is None for c in matrix.COLUMNS) and row["notes"]["skipped"]


def test_unknown_variant_is_refused():
    with pytest.raises(registry.UnknownName):
        sandbox.run("matrix", "async-exc.nowhere")


def test_every_mechanism_has_every_scenario():
    for m in matrix.MECHANISMS:
        for s in matrix.SCENARIOS:
            assert f"{m}.{s}" in matrix.LAB.variants
