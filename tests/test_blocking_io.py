"""Lab 4, blocking-io: each variant's measured facts."""
from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading

import pytest

from labs import sandbox
from labs.child import record as timeline
from labs.child import scenes, wait
from labs.contract import registry
from labs.lessons.blocking_io import measure as blocking_io_measure
from labs.lessons.blocking_io import scene as blocking_io

BAD = {
    "bad-recv": ("worker-recv", "data = sock.recv(1)"),
    "bad-sleep": ("worker-sleep", "time.sleep(FOREVER)"),
    "bad-queue-get": ("worker-queue", "jobs.get()"),
    "bad-lock-acquire": ("worker-lock", "lock.acquire()"),
}
FIXED = {
    "fixed-timeout": ["data = sock.recv(1)", "stop.wait(tick)", "jobs.get(timeout=tick)",
                      "if lock.acquire(timeout=tick):"],
    "fixed-wakeup": ["for key, _ in sel.select():"],
    "fixed-shutdown": ["data = sock.recv(1)"],
}


def test_every_variant_is_tested():
    assert set(registry.get_lab("blocking-io").variants) == set(BAD) | set(FIXED)


@pytest.mark.parametrize("variant", sorted(BAD))
def test_bad_accepts_the_stop_and_stays_blocked(run_once, variant):
    worker, line = BAD[variant]
    o = run_once("blocking-io", variant)
    f = o.facts
    assert o.hazard_observed is True
    assert o.exit["timed_out"] is True
    assert f["stop_requested"] is True and f["stop_flag_set"] is True
    assert f["async_raise_returned"] == 1  # the forced stop was accepted ...
    assert f["stopped_before_deadline"] is False  # ... and did nothing
    assert f["blocked_in"] == [line]
    assert f["stuck_at_deadline"] == [line]  # from the stack dump, at the deadline
    assert f["stuck_threads"] == [worker]
    assert f["stop_latency_s"] is None
    assert o.where_stuck()["MainThread"] == "lessons/blocking_io/scene.py, in forced_stop: worker.join()"


@pytest.mark.parametrize("variant", sorted(FIXED))
def test_fixed_stops_before_the_deadline(run_once, variant):
    o = run_once("blocking-io", variant)
    f = o.facts
    assert o.hazard_observed is False
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert f["stop_requested"] is True and f["stopped_before_deadline"] is True
    assert f["blocked_in"] == FIXED[variant]
    assert f["stuck_at_deadline"] == [] and f["stuck_threads"] == []
    assert f["stop_latency_s"] > 0
    assert "async_raise_returned" not in f  # no force: only the flag and a wake-up


def test_the_timeline_shows_the_worker_blocked_past_the_stop(run_once):
    o = run_once("blocking-io", "bad-recv")
    states = [e["state"] for e in o.timeline
              if e["kind"] == "state" and e["thread"] == "worker-recv"]
    assert states == ["blocked"]
    assert [e["label"] for e in o.timeline if e["kind"] == "mark"] == ["stop flag + async_raise"]


def test_judge_reads_the_facts():
    assert blocking_io_measure.judge({"stop_requested": True, "stopped_before_deadline": False}, None)
    assert not blocking_io_measure.judge({"stop_requested": True, "stopped_before_deadline": True}, None)
    assert not blocking_io_measure.judge({"stopped_before_deadline": False}, None)  # never asked


def test_wait_until_inside_names_the_blocking_line():
    stop, jobs = threading.Event(), queue.Queue()
    t = threading.Thread(target=blocking_io.take_jobs, args=(jobs, stop))
    t.start()
    try:
        where = wait.wait_until_inside(t, blocking_io.blocking_spots(blocking_io.take_jobs))
    finally:
        stop.set()
        jobs.put("wake up")  # what a real worker needs: its flag AND a job to end the wait
        t.join()
    assert where == "jobs.get()"


def test_wait_until_inside_fails_for_a_thread_that_ended():
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()
    with pytest.raises(RuntimeError, match="ended before it blocked"):
        wait.wait_until_inside(t, blocking_io.blocking_spots(threading.Event.wait))


def test_shutdown_wakes_a_blocked_recv_in_process():
    mine, theirs = blocking_io.tcp_pair()
    with mine, theirs:
        assert mine.getpeername()[0] == "127.0.0.1"  # loopback only
        stop = threading.Event()
        t = threading.Thread(target=scenes.wait_for_data, args=(mine, stop))
        t.start()
        wait.wait_until_inside(t, blocking_io.blocking_spots(scenes.wait_for_data))
        blocking_io.shut_down(stop, mine)
        t.join(timeout=30)
        assert not t.is_alive()
    assert mine.fileno() == -1 and theirs.fileno() == -1


def test_wakeup_byte_ends_the_select_loop_in_process():
    mine, theirs = blocking_io.tcp_pair()
    wake_r, wake_w = socket.socketpair()
    with mine, theirs, wake_r, wake_w:
        stop = threading.Event()
        t = threading.Thread(target=scenes.wait_for_data_or_wakeup,
                             args=(mine, wake_r, stop))
        t.start()
        wait.wait_until_inside(
            t, blocking_io.blocking_spots(scenes.wait_for_data_or_wakeup))
        scenes.wake_up(stop, wake_w)
        t.join(timeout=30)
        assert not t.is_alive()


# ------------------------------------------------------------------ a CPython that rewrote a line

def test_a_missing_stdlib_line_costs_only_the_variants_that_wait_there(monkeypatch):
    monkeypatch.setattr(blocking_io, "UNTIMED_WAIT",
                        (threading.Condition.wait, "a line a future CPython rewrote"))
    with pytest.raises(LookupError, match="a line a future CPython rewrote"):
        blocking_io.blocking_spots(blocking_io.take_jobs)
    with pytest.raises(timeline.Skip, match="cannot tell when the worker is inside"):
        blocking_io.spots_or_skip(blocking_io.take_jobs)
    assert blocking_io.blocking_spots(scenes.wait_for_data)  # the others are found


def test_import_and_list_read_no_source(tmp_path):
    """Neither importing the lab nor `python -m labs list` looks for a line:
    run with every source read failing."""
    code = ("import inspect\n"
            "def gone(*a, **k): raise OSError('no source here')\n"
            "inspect.getsourcelines = gone\n"
            "from labs.__main__ import main\n"
            "main(['list'])\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=sandbox.PROJECT_ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "blocking-io" in r.stdout


def test_a_sandboxed_run_skips_the_variant_whose_line_is_gone(tmp_path, monkeypatch):
    # The child (python -S -m labs.child LAB VARIANT) is started through a
    # wrapper that first imports a module where the stdlib line is "rewritten".
    (tmp_path / "rewrite.py").write_text(
        "import threading\n"
        "import labs.lessons.blocking_io.scene as bio\n"
        "bio.UNTIMED_WAIT = (threading.Condition.wait, 'a line a future CPython rewrote')\n")
    python = tmp_path / "python-rewritten"
    python.write_text(
        "#!/bin/sh\n"  # "$@" is: -S -m labs.child LAB VARIANT
        f'exec "{sys.executable}" -S -c "import rewrite, runpy; '
        "runpy.run_module('labs.child', run_name='__main__', alter_sys=True)\" \"$4\" \"$5\"\n")
    python.chmod(0o755)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    skipped = sandbox.run("blocking-io", "bad-queue-get", python=str(python))
    assert skipped.skipped.startswith("cannot tell when the worker is inside its call")
    assert "a line a future CPython rewrote" in skipped.skipped
    assert skipped.error is None and skipped.exit["timed_out"] is False
    works = sandbox.run("blocking-io", "fixed-wakeup", python=str(python))
    assert works.skipped is None and works.hazard_observed is False
