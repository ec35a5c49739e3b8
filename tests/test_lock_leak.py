"""Lab 1, lock-leak: each variant's measured facts."""
from __future__ import annotations

from labs.child import scenes
from labs.lessons.lock_leak import measure as lock_leak_measure
from labs.show import timeline as show_timeline


def test_bad_leaks_the_lock_and_hangs(run_once):
    o = run_once("lock-leak", "bad")
    f = o.facts
    assert o.hazard_observed is True
    assert o.exit["timed_out"] is True
    assert f["lock_held_after_stop"] is True
    assert f["invariant_ok"] is False
    assert f["workers_finished"] == 0 and f["workers_total"] == 3
    assert f["stuck_threads"] == ["worker-2", "worker-3"]
    where = o.where_stuck()
    assert where["worker-2"] == "child/scenes.py, in transfer_unsafely: lock.acquire()"
    assert where["MainThread"].startswith("lessons/lock_leak/scene.py, in forced_stop: t.join()")


def test_bad_with_frees_the_lock_but_not_the_data(run_once):
    o = run_once("lock-leak", "bad-with")
    f = o.facts
    assert o.hazard_observed is True
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert f["lock_held_after_stop"] is False
    assert f["invariant_ok"] is False
    assert f["workers_finished"] == 2 and f["stuck_threads"] == []


def test_fixed_stops_cleanly(run_once):
    o = run_once("lock-leak", "fixed")
    f = o.facts
    assert o.hazard_observed is False
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert f["lock_held_after_stop"] is False and f["invariant_ok"] is True
    assert f["workers_finished"] == f["workers_total"] == 3
    assert f["stop_latency_s"] > 0


def test_timeline_shows_the_victim_killed_holding_the_lock(run_once):
    o = run_once("lock-leak", "bad")
    rows = show_timeline.segments(o.timeline, end_t=10.0)
    assert rows["worker-1"][-1][2] == "killed, lock still held"
    assert rows["worker-2"][-1][2] == "waiting for lock"
    assert any(e["kind"] == "mark" and e["label"] == "forced stop" for e in o.timeline)


def test_judge_reads_the_facts():
    clean = {"lock_held_after_stop": False, "invariant_ok": True,
             "workers_finished": 3, "workers_total": 3}

    class Ended:
        exit = {"timed_out": False}
    assert lock_leak_measure.judge(clean, Ended) is False
    for change in ({"lock_held_after_stop": True}, {"invariant_ok": False},
                   {"workers_finished": 2}):
        assert lock_leak_measure.judge({**clean, **change}, Ended) is True


def test_bank_invariant():
    bank = scenes.Bank()
    bank.debit("alice", 10)
    assert not bank.invariant_ok()
    bank.credit("bob", 10)
    assert bank.invariant_ok()
