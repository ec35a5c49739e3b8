"""The stop-latency benchmark: its JSON shape and a tiny run. No timing is
asserted: the machine is shared and noisy; timings belong in the figure."""
from __future__ import annotations

import contextlib
import io
import json
import os
import threading

import pytest

from labs import __main__ as cli
from labs.lessons.blocking_io import bench

MECHANISMS = ["timeout-0.001", "timeout-0.01", "timeout-0.05", "timeout-0.1", "timeout-0.25",
              "wakeup", "shutdown"]
ROW = {"median", "p99", "max", "stops", "idle_wakeups_per_s", "idle_cpu_s_per_s"}


def open_sockets() -> int:
    """Sockets open in this process (matplotlib keeps font files open: not counted)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:  # the descriptor of the listing itself, now closed
            pass
    return count


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """One tiny run through main(), with what it leaves behind."""
    figure = tmp_path_factory.mktemp("bench") / "stop-latency.png"
    threads, sockets = threading.active_count(), open_sockets()
    out = io.StringIO()  # capsys is function-scoped; this fixture is not
    with contextlib.redirect_stdout(out):
        status = bench.main(["--json", "--stops", "3", "--idle", "0.05", "--figure", str(figure)])
    left = (threading.active_count() - threads, open_sockets() - sockets)
    return status, json.loads(out.getvalue()), figure, left


def test_json_shape(tiny):
    status, doc, figure, _ = tiny
    assert status == 0
    assert set(doc["baseline_event_wake_s"]) == ROW
    assert list(doc["mechanisms"]) == MECHANISMS
    for name, row in doc["mechanisms"].items():
        assert set(row) == ROW, name
        assert row["stops"] == 3
        assert 0 < row["median"] <= row["p99"] <= row["max"]
        assert row["idle_wakeups_per_s"] >= 0 and row["idle_cpu_s_per_s"] >= 0
    assert set(doc["goal"]) == {"within_x_floor", "wakeup_x_floor", "shutdown_x_floor", "met"}
    assert isinstance(doc["goal"]["met"], bool)
    assert doc["stops"] == 3 and doc["run_time_s"] > 0
    assert doc["figure"] == str(figure)


def test_figure_is_written(tiny):
    assert tiny[2].stat().st_size > 10_000


def test_no_thread_or_socket_left(tiny):
    assert tiny[3] == (0, 0)


def test_table_names_every_mechanism_and_the_goal(tiny):
    text = bench.table(tiny[1])
    for name in ["floor: Event.set", *MECHANISMS]:
        assert name in text
    assert "goal, wake-up and shutdown within 5x of the floor at the median" in text


def test_polling_wakes_up_while_idle_and_the_wakeup_does_not(tiny):
    rows = tiny[1]["mechanisms"]
    # Counts, not timings: a 1 ms poller wakes; blocked waits wake no more than a
    # stray GIL hand-over or two.
    assert rows["timeout-0.001"]["idle_wakeups_per_s"] > rows["wakeup"]["idle_wakeups_per_s"]


def test_percentiles_nearest_rank():
    got = bench.percentiles([float(i) for i in range(1, 201)])
    assert got == {"median": 100.5, "p99": 198.0, "max": 200.0}
    assert bench.percentiles([0.5]) == {"median": 0.5, "p99": 0.5, "max": 0.5}


@pytest.mark.parametrize("args", [["--stops", "0"], ["--stops", "many"], ["--idle", "-1"],
                                  ["--idle", "nan"], ["--frobnicate"]])
def test_bad_input_exits_2(args, capsys):
    with pytest.raises(SystemExit) as stop:
        bench.main(args)
    assert stop.value.code == 2
    assert "error" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # the same options through python -m labs
        cli.main(["bench", "stop-latency", *args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("labs: error:") and err.count("\n") == 1


def test_cli_dispatches_to_the_benchmark_with_its_options(tmp_path, capsys):
    cli.main(["bench", "stop-latency", "--json", "--stops", "1", "--idle", "0.02",
              "--figure", str(tmp_path / "f.png")])
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert list(doc["mechanisms"]) == MECHANISMS
    assert "shutdown: 1/1 stops" in captured.err  # progress goes to stderr
    assert (tmp_path / "f.png").is_file()
