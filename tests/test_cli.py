"""The command line: the JSON contract, the table, and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from labs.contract import registry
from labs.sandbox import PROJECT_ROOT


def labs_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "labs", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=PROJECT_ROOT)


def test_list_names_every_lab_and_its_variants_in_80_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = labs_cli("list")
    assert out.returncode == 0
    words = out.stdout.replace(",", " ").split()
    for lab in registry.all_labs():
        assert lab.id in words
        assert set(lab.variants) <= set(words)  # wrapped at words, never inside a name
        assert set(lab.hazard.replace(",", " ").split()) <= set(words)
    assert max(map(len, out.stdout.splitlines())) <= 80
    assert "selftest" not in out.stdout  # hidden labs stay hidden


def test_run_json_contract():
    out = labs_cli("run", "lock-leak", "--variant", "fixed", "--json")
    assert out.returncode == 0, out.stderr
    [doc] = json.loads(out.stdout)
    for key in ("lab", "variant", "hazard_observed", "facts", "exit", "elapsed_s", "python"):
        assert key in doc
    assert doc["lab"] == "lock-leak" and doc["variant"] == "fixed"
    assert doc["hazard_observed"] is False
    assert set(doc["exit"]) == {"code", "signal", "timed_out"}


def test_run_table_says_where_threads_were_stuck(tmp_path):
    out = labs_cli("run", "lock-leak", "--variant", "bad", "--deadline", "2",
                   "--figures", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "SEEN" in out.stdout and "hung" in out.stdout
    assert "child/scenes.py, in transfer_unsafely: lock.acquire()" in out.stdout
    assert (tmp_path / "lock-leak-bad.png").stat().st_size > 1000


@pytest.mark.parametrize("args, message", [
    (["run", "no-such-lab"], "unknown lab 'no-such-lab'"),
    (["run", "lock-leak", "--variant", "worst"], "unknown variant 'worst'"),
    (["run", "lock-leak", "--deadline", "-1"], "positive number of seconds, not '-1'"),
    (["run", "lock-leak", "--deadline", "soon"], "number of seconds, not 'soon'"),
    (["explode"], "invalid choice: 'explode'"),
    ([], "a command is needed"),
    (["bench", "no-such-bench"], "unknown benchmark 'no-such-bench'"),
    (["run"], "the following arguments are required: lab"),
    (["run", "lock-leak", "--python", "/no/such/python"], "no such interpreter: '/no/such/python'"),
    (["matrix", "--python", "/no/such/python"], "no such interpreter: '/no/such/python'"),
])
def test_bad_input_is_one_line_and_status_2(args, message):
    out = labs_cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("labs: error: ") and message in lines[0]


def test_variant_names_follow_the_contract():
    for lab in registry.all_labs():
        for name in lab.variants:
            assert name.startswith(("bad", "fixed")), f"{lab.id}: {name}"
        assert any(n.startswith("bad") for n in lab.variants)
        assert any(n.startswith("fixed") for n in lab.variants)


@pytest.mark.parametrize("lab_id", registry.lab_ids())
def test_hazard_seen_in_every_bad_and_no_fixed_variant(lab_id, run_once):
    """Measured, not declared: the judge reads each run's facts."""
    lab = registry.get_lab(lab_id)
    for name in lab.variants:
        o = run_once(lab_id, name)
        assert o.error is None, f"{lab_id}/{name} failed: {o.error}"
        if o.skipped:
            assert name.startswith("fixed") and o.hazard_observed is None
            continue
        assert o.hazard_observed is name.startswith("bad"), f"{lab_id}/{name}: {o.facts}"
