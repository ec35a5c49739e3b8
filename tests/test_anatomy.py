"""The anatomy lab (notebook 00): each variant's measured facts."""
from __future__ import annotations

import sys
import threading

import pytest

from labs import sandbox
from labs.child import record as timeline
from labs.child.procfs import alive
from labs.contract import registry, versions
from labs.lessons.anatomy import measure as anatomy_measure
from labs.lessons.anatomy import scene as anatomy


def test_only_scheduled_kills_nothing(run_once):
    f = run_once("anatomy", "only-scheduled").facts
    assert f["returned"] == [1, 1]
    assert f["alive_after_call"] is True and f["raised_while_blocked"] == []
    assert f["raised"] == ["SecondStop"]  # the second call replaced the first
    assert f["returned_for_ended_thread"] == 0


def test_pure_python_loop_stops_at_once(run_once):
    o = run_once("anatomy", "pure-python-loop")
    assert o.hazard_observed is False
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert o.facts["returned"] == 1 and o.facts["alive_after_call"] is False


def test_acquire_delays_the_exception_and_then_leaks_the_lock(run_once):
    o = run_once("anatomy", "blocked-in-acquire")
    f = o.facts
    assert o.hazard_observed is True
    assert f["returned"] == 1 and f["alive_after_call"] is True
    assert f["stopped_after_release"] is True and f["lock_held_after_stop"] is True
    labels = [(e.get("label") or e.get("state")) for e in o.timeline
              if e["kind"] in ("mark", "state")]
    assert labels.index("main releases the lock") < labels.index("stopped")


def test_recv_delays_the_exception_and_then_loses_the_byte(run_once):
    f = run_once("anatomy", "blocked-in-recv").facts
    assert f["alive_after_call"] is True and f["stopped_after_data"] is True
    assert f["bytes_lost"] == 1


def test_sleep_delays_the_exception_for_the_whole_sleep(run_once):
    f = run_once("anatomy", "blocked-in-sleep").facts
    assert f["returned"] == 1 and f["slept_full"] is True
    assert f["slept_s"] >= f["sleep_requested_s"]


def test_caught_and_retried_survives_every_stop(run_once):
    f = run_once("anatomy", "caught-and-retried").facts
    assert f["returned"] == [1] * anatomy.ROUNDS
    assert f["caught"] == ["SystemExit"] * anatomy.ROUNDS
    assert f["alive_after_call"] is True and f["ended_by_flag"] is True


def test_tight_loop_in_try_runs_its_handlers_except_on_313(run_once):
    o = run_once("anatomy", "tight-loop-in-try")
    f = o.facts
    assert f["returned"] == 1 and f["alive_after_call"] is False
    # 3.13: the back-edge lies outside the try (gh-130279): labs/contract/versions.py says where
    expected = {"handlers_run": ["except", "finally"], "cleanup_finished": True,
                **versions.predicted("anatomy", "tight-loop-in-try", versions.version_of(o.python))}
    assert {k: f[k] for k in expected} == expected


def test_second_stop_cuts_the_cleanup(run_once):
    f = run_once("anatomy", "lands-in-cleanup").facts
    assert f["cleanup_steps_done"] == ["flush"]
    assert f["cleanup_finished"] is False and f["lock_held_after_stop"] is True


def test_stop_entering_with_still_releases_the_lock(run_once):
    """Measured on 3.10 to 3.13 and 3.15: it fires at the body's first check,
    inside the with, and __exit__ releases the lock. On 3.14 (gh-148874) it fires
    as __enter__ returns, outside the block, and the lock stays held: what
    labs/contract/versions.py predicts for the child's version is what is asserted."""
    o = run_once("anatomy", "stop-entering-with")
    f = o.facts
    assert f["returned"] == 1 and f["alive_after_call"] is True  # waits in __enter__
    assert f["stopped_after_release"] is True
    expected = {"block_entered": True, "lock_held_after_stop": False,
                **versions.predicted("anatomy", "stop-entering-with",
                                     versions.version_of(o.python))}
    assert {k: f[k] for k in expected} == expected
    labels = [(e.get("label") or e.get("state")) for e in o.timeline
              if e["kind"] in ("mark", "state")]
    assert labels.index("main releases the lock") < labels.index("stopped")


def test_a_keyword_call_is_no_check_from_314(run_once):
    """Measured on 3.10 to 3.13 (here) and on 3.14.10 and 3.15.2 (issue 21):
    the stop pending in lk.acquire(True, t) fires as the call returns; in
    lk.acquire(timeout=t) it fires there up to 3.13, one statement later from
    3.14 (CALL_KW makes no eval-breaker check)."""
    o = run_once("anatomy", "stop-after-keyword-call")
    f = o.facts
    assert f["ran_after_positional_call"] == []
    late = versions.predicted("anatomy", "stop-after-keyword-call",
                              versions.version_of(o.python)).get("ran_after_keyword_call", [])
    assert f["ran_after_keyword_call"] == late
    assert o.hazard_observed is bool(late)
    states = [e.get("state") for e in o.timeline if e["kind"] == "state"]
    assert "stopped (positional call)" in states and "stopped (keyword call)" in states


def test_stop_entering_with_finds_the_with_line():
    code, line = anatomy.on_line(anatomy.on_line, "lines, first")
    assert code is anatomy.on_line.__code__
    import inspect
    lines, first = inspect.getsourcelines(anatomy.on_line)
    assert lines[line - first].strip().startswith("lines, first")
    with pytest.raises(ValueError, match="no line"):
        anatomy.on_line(anatomy.on_line, "not there")


def test_seed_recipe_as_printed(run_once):
    o = run_once("anatomy", "seed-recipe")
    f = o.facts
    assert o.hazard_observed is True
    assert f["as_printed"] == "AttributeError" and f["has_isAlive"] is False  # gone in 3.9
    assert f["ident_below_2_63"] is True and f["c_long_same_bits"] is True
    assert f["c_long_call_returned"] == 1  # c_long is the wrong type, harmless here
    assert f["bare_int_undo_returned"] == 0  # truncated to a C int: matches no thread
    assert f["c_ulong_undo_returned"] == 1 and f["raised"] == []  # the real undo worked


def test_seed_recipe_is_shown_as_printed():
    import inspect
    source = inspect.getsource(anatomy._async_raise) + inspect.getsource(anatomy.ThreadWithExc)
    assert "ctypes.c_long(tid)" in source and "isAlive()" in source
    assert "PyThreadState_SetAsyncExc(tid, None)" in source


def test_pthread_cancel_sleeping_leaves_a_ghost(run_once):
    o = run_once("anatomy", "pthread-cancel-sleeping", deadline=2)
    f = o.facts
    assert o.hazard_observed is True and o.exit["timed_out"] is True
    assert f["returned"] == 0
    assert (f["tasks_before"], f["tasks_after"], f["os_thread_gone"]) == (2, 1, True)
    assert f["is_alive_after"] is True and f["listed_by_enumerate"] is True
    assert f["lock_held_after_stop"] is True and f["acquire_with_timeout"] is False
    assert f["variant_returned"] is True  # the hang is in the interpreter's exit
    assert f["threads_at_end"] == ["MainThread", "sleeper"]
    assert f["stuck_threads"] == ["sleeper"]  # the dump lists a thread that is gone


def test_pthread_cancel_busy_freezes_the_interpreter(run_once):
    o = run_once("anatomy", "pthread-cancel-busy", deadline=2)
    f = o.facts
    assert o.hazard_observed is True and o.exit["timed_out"] is True
    assert f["tasks_before"] == 2
    assert f["variant_returned"] is False and "main_finished" not in f
    assert f["stuck_threads"] == ["spinner"]


@pytest.mark.parametrize("variant", ["pthread-cancel-sleeping", "pthread-cancel-busy"])
def test_no_process_outlives_a_frozen_run(run_once, variant):
    o = run_once("anatomy", variant, deadline=2)
    pid = next(e["pid"] for e in o.timeline if e["kind"] == "start")
    assert not alive(pid)


def test_enter_blocking_releases_then_calls():
    before = threading.active_count()
    ready = anatomy.held_lock()
    assert anatomy.enter_blocking(ready, lambda: "result") == "result"
    assert not ready.locked()
    assert threading.active_count() == before  # it started no thread


def test_skips_without_the_gil(monkeypatch):
    monkeypatch.setattr(sys, "_is_gil_enabled", lambda: False, raising=False)
    with pytest.raises(timeline.Skip, match="free-threaded"):
        anatomy.needs_the_gil()


def test_pthread_cancel_skips_off_linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    with pytest.raises(timeline.Skip, match="Linux"):
        anatomy.needs_pthread_cancel()


def test_judge_reads_the_facts():
    class Clean:
        exit = {"timed_out": False, "signal": None}

    class Hung:
        exit = {"timed_out": True, "signal": "SIGABRT"}

    clean = {"returned": 1, "alive_after_call": False, "variant_returned": True}
    assert anatomy_measure.judge(clean, Clean) is False
    assert anatomy_measure.judge(clean, Hung) is True
    for change in ({"alive_after_call": True}, {"slept_full": True}, {"lock_held_after_stop": True},
                   {"bytes_lost": 1}, {"caught": ["SystemExit"]}, {"cleanup_finished": False},
                   {"variant_returned": False}, {"as_printed": "AttributeError"},
                   {"bare_int_undo_returned": 0}, {"ran_after_keyword_call": ["next statement"]}):
        assert anatomy_measure.judge({**clean, **change}, Clean) is True


def test_registered_hidden_and_rejects_unknown_variants():
    assert registry.get_lab("anatomy") is anatomy_measure.LAB
    assert "anatomy" not in registry.lab_ids()
    with pytest.raises(registry.UnknownName, match="only-scheduled"):
        sandbox.run("anatomy", "kill-it-properly")


def test_every_variant_is_documented():
    for name, fn in anatomy_measure.LAB.variants.items():
        assert fn.__doc__, name
        assert f"``{name}``" in anatomy.__doc__
