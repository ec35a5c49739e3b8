"""Lab 2, lost-task: the ledger, and each variant's measured facts."""
from __future__ import annotations

import pytest

from labs import sandbox
from labs.lessons.lost_task import figures as lost_task_figures
from labs.lessons.lost_task import measure as lost_task_measure
from labs.lessons.lost_task import scene as lost_task

ALL = list(range(1, lost_task.TASKS + 1))


# ------------------------------------------------------------------ the ledger

def ev(n, step, who="consumer-1", t=0.0):
    return {"t": t, "kind": "task", "thread": who, "ident": 1, "id": n, "step": step}


def test_ledger_keeps_each_task_steps_in_order():
    events = [ev(1, "produced", "producer"), {"t": 0.0, "kind": "state", "thread": "x"},
              ev(1, "taken", "consumer-2"), ev(1, "done", "consumer-2")]
    assert lost_task_measure.ledger(events) == {
        1: [(0.0, "produced", "producer"), (0.0, "taken", "consumer-2"),
            (0.0, "done", "consumer-2")]}


def test_ledger_facts_tell_lost_taken_duplicated_and_put_back():
    events = [ev(n, "produced", "producer") for n in (1, 2, 3, 4, 5)]
    events += [ev(1, "taken"), ev(1, "done")]                      # done once
    events += [ev(2, "taken")]                                     # taken, never done
    events += [ev(3, "taken"), ev(3, "done"),                      # done twice
               ev(3, "taken", "consumer-2"), ev(3, "done", "consumer-2")]
    events += [ev(4, "taken"), ev(4, "put back"),                  # put back, then done
               ev(4, "taken", "consumer-3"), ev(4, "done", "consumer-3")]
    # task 5: produced, never taken
    assert lost_task_measure.ledger_facts(lost_task_measure.ledger(events)) == {
        "tasks_total": 5, "tasks_done": 3, "tasks_lost": [2, 5], "tasks_duplicated": [3],
        "tasks_taken_not_done": [2], "tasks_put_back": [4]}


def test_ledger_ignores_ids_never_produced():
    facts = lost_task_measure.ledger_facts(lost_task_measure.ledger([ev(9, "taken"), ev(9, "done")]))
    assert facts["tasks_total"] == 0 and facts["tasks_lost"] == []


def test_judge_reads_the_facts():
    clean = {"tasks_lost": [], "tasks_duplicated": [], "join_returned": True}

    class Ended:
        exit = {"timed_out": False}

    class Hung:
        exit = {"timed_out": True}
    assert lost_task_measure.judge(clean, Ended) is False
    assert lost_task_measure.judge(clean, Hung) is True
    for change in ({"tasks_lost": [1]}, {"tasks_duplicated": [2]}, {"join_returned": False}):
        assert lost_task_measure.judge({**clean, **change}, Ended) is True


# ------------------------------------------------------------------ the variants

def test_bad_loses_task_1_and_join_never_returns(run_once):
    o = run_once("lost-task", "bad")
    f = o.facts
    assert o.hazard_observed is True
    assert o.exit["timed_out"] is True
    assert f["victim_alive"] is False
    assert f["tasks_total"] == 12 and f["tasks_done"] == 11
    assert f["tasks_lost"] == [1] and f["tasks_taken_not_done"] == [1]
    assert f["tasks_duplicated"] == [] and f["join_returned"] is False
    assert f["stuck_threads"] == ["consumer-2", "consumer-3"]
    where = o.where_stuck()
    assert where["MainThread"] == "lessons/lost_task/scene.py, in bad: scene.q.join()"
    assert where["consumer-2"] == "lessons/lost_task/scene.py, in consume_naively: n = scene.q.get()"
    assert "consumer-1" not in where  # killed: it has ended
    book = lost_task_measure.ledger(o.timeline)
    assert [(s, who) for _, s, who in book[1]] == [
        ("produced", "producer"), ("taken", "consumer-1")]


def test_bad_daemon_loses_tasks_silently(run_once):
    o = run_once("lost-task", "bad-daemon")
    f = o.facts
    assert o.hazard_observed is True
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert o.error is None and o.stderr == ""  # no error at all
    assert f["daemon_consumers"] == 3
    assert f["tasks_done"] == lost_task.QUICK == 6
    assert f["tasks_lost"] == [7, 8, 9, 10, 11, 12]
    assert f["tasks_taken_not_done"] == [7, 8, 9]  # one held by each consumer
    assert f["join_returned"] is False
    book = lost_task_measure.ledger(o.timeline)
    holders = {who for n in (7, 8, 9) for _, s, who in book[n] if s == "taken"}
    assert holders == {"consumer-1", "consumer-2", "consumer-3"}
    ends = [e for e in o.timeline if e["kind"] == "end"]
    alive = {t["name"] for t in ends[0]["threads"]}
    assert {"consumer-1", "consumer-2", "consumer-3"} <= alive  # alive as the program ended


def test_fixed_does_every_task_once(run_once):
    o = run_once("lost-task", "fixed")
    f = o.facts
    assert o.hazard_observed is False
    assert o.exit == {"code": 0, "signal": None, "timed_out": False}
    assert f["tasks_total"] == f["tasks_done"] == 12
    assert f["tasks_lost"] == f["tasks_duplicated"] == f["tasks_taken_not_done"] == []
    assert f["tasks_put_back"] == [] and f["join_returned"] is True
    assert f["stop_latency_s"] > 0
    book = lost_task_measure.ledger(o.timeline)
    assert [(s, who) for _, s, who in book[1]] == [  # the stopped consumer finished its task
        ("produced", "producer"), ("taken", "consumer-1"), ("done", "consumer-1")]


def test_fixed_shutdown_is_skipped_before_313():
    if hasattr(__import__("queue").Queue, "shutdown"):
        pytest.skip("this interpreter has Queue.shutdown()")
    o = sandbox.run("lost-task", "fixed-shutdown")
    assert o.hazard_observed is None and o.error is None
    assert o.skipped.startswith("Queue.shutdown() is new in Python 3.13; this is 3.1")
    assert o.exit["code"] == 0


def test_fixed_shutdown_puts_the_task_back_on_313():
    python = lost_task_measure.python_with_queue_shutdown()
    if python is None:
        pytest.skip("no Python 3.13+ here to run fixed-shutdown")
    o = sandbox.run("lost-task", "fixed-shutdown", python=python)
    f = o.facts
    assert o.skipped is None and o.hazard_observed is False
    assert f["tasks_total"] == f["tasks_done"] == 12
    assert f["tasks_lost"] == f["tasks_duplicated"] == [] and f["join_returned"] is True
    assert f["tasks_put_back"] == [1]
    steps = [(s, who) for _, s, who in lost_task_measure.ledger(o.timeline)[1]]
    assert steps[:3] == [("produced", "producer"), ("taken", "consumer-1"),
                         ("put back", "consumer-1")]
    assert steps[3][0] == "taken" and steps[3][1] != "consumer-1"
    assert steps[4] == ("done", steps[3][1])


# ------------------------------------------------------------------ the figure

def test_figure_shows_every_task_and_the_lost_ones(run_once):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    o = run_once("lost-task", "bad-daemon")
    fig = lost_task_figures.figure(o)
    try:
        _, ledger_ax = fig.axes[:2]
        labels = [t.get_text() for t in ledger_ax.get_yticklabels()]
        assert labels == [f"task {n}" for n in ALL]
        notes = [t.get_text() for t in ledger_ax.texts]
        assert notes.count("never taken") == 3
        assert sum(n.endswith("taken, never done") for n in notes) == 3
        assert ledger_ax.get_title() == "ledger: 6 of 12 tasks done, 6 lost"
    finally:
        plt.close(fig)


def test_fates_say_what_became_of_each_task_without_names():
    events = [ev(n, "produced", "producer") for n in (1, 2, 3, 4, 5)]
    events += [ev(1, "taken"), ev(1, "done"), ev(2, "taken"),
               ev(3, "taken"), ev(3, "done"), ev(3, "taken", "consumer-2"), ev(3, "done"),
               ev(4, "taken"), ev(4, "put back"), ev(4, "taken", "consumer-3"), ev(4, "done")]
    assert lost_task_measure.fates(lost_task_measure.ledger(events)) == {
        1: "done", 2: "taken, never done", 3: "done 2 times",
        4: "put back, then done", 5: "never taken"}
