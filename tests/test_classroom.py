"""Grading a class (`python -m labs practice grade`): a fixture class of ten
learners graded end to end, every row asserted; its files (CSV, JSON,
Gradescope's results.json, report.html in headless Chromium); bad input;
the time bound; how an exercise's code is taken from a file or notebook."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import textwrap

import classroom_fixture
import pytest

from labs.practice import classroom, exercises
from labs.sandbox import PROJECT_ROOT

CHROMIUM = shutil.which("chromium")
RUNS = 2  # enough for every wrong answer of the fixture: each fails its first run


def grade_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "labs", "practice", "grade", *args],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout)


def marker_processes() -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if classroom_fixture.MARKER.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The fixture class graded once, two at a time, with Gradescope's files:
    once per test session, since tests/conftest.py's scheduler gives this
    whole module to one pytest-xdist worker (``TOGETHER``)."""
    root = tmp_path_factory.mktemp("classroom-graded")
    want = classroom_fixture.build(root / "class")  # the class, and what each row must say
    args = [str(root / "class"), "--out", str(root / "grades"), "--runs", str(RUNS),
            "--jobs", "2", "--format", "gradescope"]
    for ex in classroom_fixture.EXERCISES:
        args += ["--exercise", ex]
    return root, want, grade_cli(*args)


def reason_text(g: dict) -> str:
    first = g["first"] or {}
    return " | ".join([g.get("problem") or "", first.get("check", ""), first.get("measured", "")]
                      + g.get("failures", []))


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_every_row_of_the_fixture_class(graded):
    root, want, done = graded
    assert done.returncode == 0, done.stderr
    rows = json.loads((root / "grades" / "grades.json").read_text())["gradings"]
    got = {(g["learner"], g["exercise"]): g for g in rows}
    assert set(got) == set(want)
    for key, (status, text) in want.items():
        g = got[key]
        assert g["status"] == status, (key, g["status"], reason_text(g))
        if text is not None:
            assert text in reason_text(g), (key, text, reason_text(g))


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_nothing_a_submission_started_outlives_the_grading(graded):
    assert graded[2].returncode == 0
    assert marker_processes() == []  # finn's `sleep`, killed with its check


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_the_terminal_table_has_a_row_per_learner(graded):
    root, want, done = graded
    out = done.stdout
    for learner in {k[0] for k in want}:
        assert f"\n{learner} " in out, out
    assert "syntax error, line 1" in out  # dan, in a few words
    assert "11 submissions x 2 exercises: 4 of 22 passed" in out


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_grades_csv_one_row_per_learner_and_exercise(graded):
    root, want, _ = graded
    with open(root / "grades" / "grades.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == classroom.CSV_COLUMNS
    assert {(r["learner"], r["exercise"]): r["result"] for r in rows} == \
        {k: v[0] for k, v in want.items()}
    ben = next(r for r in rows if r["learner"] == "ben" and r["exercise"] == classroom_fixture.CONSUMER)
    assert ben["first_failed_check"] == "one task_done() per get()"
    assert ben["hint"] and ben["score"] == "0" and ben["graded"] == "ben/consumer.py"


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_gradescope_results_follow_the_specification(graded):
    """Gradescope's autograder specification (results.json): a top-level
    score, execution_time (s), output; tests with name, score, max_score,
    output, visibility (hidden, after_due_date, after_published, visible)."""
    root, want, _ = graded
    files = sorted((root / "grades" / "gradescope").glob("*/results.json"))
    assert {p.parent.name for p in files} == {k[0] for k in want}
    for path in files:
        r = json.loads(path.read_text())
        assert set(r) <= {"score", "execution_time", "output", "visibility", "stdout_visibility",
                          "extra_data", "tests", "leaderboard"}
        assert isinstance(r["score"], float) and isinstance(r["execution_time"], int)
        assert len(r["tests"]) == 2
        for t in r["tests"]:
            assert set(t) <= {"score", "max_score", "status", "name", "name_format", "number",
                              "output", "output_format", "tags", "visibility", "extra_data"}
            assert t["visibility"] in ("hidden", "after_due_date", "after_published", "visible")
            assert t["score"] in (0.0, 1.0) and t["max_score"] == 1.0 and t["output"]
        assert r["score"] == sum(t["score"] for t in r["tests"])
    ada = json.loads((root / "grades" / "gradescope" / "ada" / "results.json").read_text())
    assert ada["score"] == 2.0
    kim = json.loads((root / "grades" / "gradescope" / "kim" / "results.json").read_text())
    assert kim["tests"][0]["output"].startswith("not attempted")


@pytest.mark.slow  # the fixture class: many sandboxed children
def test_report_counts_each_check_and_loads_nothing_from_the_web(graded):
    root, _, _ = graded
    page = (root / "grades" / "report.html").read_text()
    assert "<h2 id=lost-task-consumer>" in page and "data:image/png;base64," in page
    assert "http://" not in page and "https://" not in page and "src=\"data:" in page
    assert "The most common first failure" in page
    assert "one task_done() per get()" in page


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (make chromium)")
def test_report_passes_the_browser_check(graded):
    """The handouts' checker on report.html: it loads, no console error, every
    figure shows, nothing wider than 1280 px or cut off when printed; a
    screenshot for a human look in build/classroom/."""
    import check_handouts
    from browser import Browser

    root, _, _ = graded
    site = root / "grades"
    server = check_handouts.serve(site)
    browser = Browser(CHROMIUM, check_handouts.WIDTH, check_handouts.HEIGHT)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/report.html"
        problems, page = check_handouts.check_page(browser, url)
        shots = PROJECT_ROOT / "build" / "classroom"
        shots.mkdir(parents=True, exist_ok=True)
        check_handouts.screenshot(browser, url, shots / "screenshot-report.png",
                                  2 * check_handouts.HEIGHT)
    finally:
        browser.close()
        server.shutdown()
    assert problems == [], problems
    assert len(page["images"]) == 2 and page["title"] == "Class report"
    assert (shots / "screenshot-report.png").read_bytes()[:4] == b"\x89PNG"


def test_figure_fits_the_suite_limits():
    import base64
    import io

    from PIL import Image

    from labs.show import class_report, timeline
    uri = class_report.failures_figure("x/y", [("a check", 3, 2), ("another check", 1, 0)])
    img = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert img.size[0] <= timeline.WIDTH_IN * 100


# ---------------------------------------------------------------- bad input, exit status 2

def test_bad_input_is_one_line_and_status_2(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.py").write_text("def consumer(tasks, stop, do): pass\n")
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "keep.txt").write_text("someone's files\n")
    cases = [
        ([str(tmp_path / "nowhere")], "is not a folder"),
        ([str(tmp_path / "class"), "--exercise", "no/such"], "unknown exercise"),
        ([str(tmp_path / "class"), "--runs", "0"], "--runs must be between"),
        ([str(tmp_path / "class"), "--out", str(tmp_path / "theirs")], "was not written by"),
        ([str(tmp_path / "theirs")], "no submissions"),
    ]
    for args, message in cases:
        done = grade_cli(*args, "--out", str(tmp_path / "out"), timeout=60) if "--out" not in args \
            else grade_cli(*args, timeout=60)
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert (tmp_path / "theirs" / "keep.txt").is_file()


def test_its_own_folder_is_emptied_and_rewritten(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "a.py").write_text("x = 1\n")
    out = tmp_path / "out"
    for _ in range(2):
        done = grade_cli(str(tmp_path / "class"), "--out", str(out), "--exercise",
                         "lost-task/consumer", timeout=60)
        assert done.returncode == 0, done.stderr
        (out / "stale.txt").write_text("from before\n")
    assert (out / classroom.MARK).is_file()


# ---------------------------------------------------------------- the time bound

def test_a_grading_past_its_time_bound_is_stopped_and_leaves_nothing(tmp_path):
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "eve.py").write_text(classroom_fixture.HANGS)
    subs = classroom.find_submissions(tmp_path / "class")
    rows = classroom.grade_class(subs, ["lost-task/consumer"], runs=2, timeout=1.0)
    assert [g.status for g in rows] == ["stopped"]
    assert "longer than 1 s" in rows[0].problem
    assert rows[0].seconds < 1.0 + classroom.WORKER_GRACE_S + 3


# ---------------------------------------------------------------- taking the exercise's code

def sub_of(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return classroom.find_submissions(tmp_path)[0]


def test_only_the_functions_and_what_they_use_are_graded(tmp_path):
    sub = sub_of(tmp_path, "a.py", textwrap.dedent("""\
        import threading
        import time
        from labs.practice import check
        LIMIT = 3

        def helper(n):
            return n * LIMIT

        def consumer(tasks, stop, do):
            do(helper(tasks.get()))

        check("lost-task/consumer", consumer)
        time.sleep(100)
        """))
    got = classroom.extract(sub, exercises.get("lost-task/consumer"))
    lines = got.source.splitlines()
    assert lines[3] == "LIMIT = 3" and lines[8].startswith("def consumer")  # the file's own lines
    assert "check(" not in got.source and "labs" not in got.source and "sleep" not in got.source
    assert "import threading" not in got.source


def test_a_notebook_without_its_magics_and_checker_cells(tmp_path):
    nb = classroom_fixture.notebook([
        ("code", "%load_ext autoreload\nimport queue, threading"),
        ("code", "def consumer(tasks, stop, do):\n    !echo hi\n    while not stop.is_set():\n"
                 "        q = queue.Queue()\n        return q"),
        ("code", "%%bash\necho not python"),
        ("code", "from labs.practice import check\ncheck('lost-task/consumer', consumer)"),
    ])
    got = classroom.extract(sub_of(tmp_path, "nb.ipynb", nb), exercises.get("lost-task/consumer"))
    assert "# nb.ipynb, code cell 1" in got.source and "import queue, threading" in got.source
    assert "!echo" not in got.source and "labs" not in got.source and "bash" not in got.source


def test_a_folder_with_two_consumers_picks_the_one_that_fits(tmp_path):
    """lost-task/consumer and blocking-io/timeout-consumer both call their
    function `consumer`: each exercise takes the file whose arguments fit."""
    (tmp_path / "sam").mkdir()
    (tmp_path / "sam" / "a_lost.py").write_text(classroom_fixture.answer("lost_task__consumer"))
    (tmp_path / "sam" / "b_io.py").write_text(
        classroom_fixture.answer("blocking_io__timeout_consumer"))
    sub = classroom.find_submissions(tmp_path)[0]
    assert classroom.extract(sub, exercises.get("lost-task/consumer")).label == "sam/a_lost.py"
    assert classroom.extract(sub, exercises.get("blocking-io/timeout-consumer")).label == \
        "sam/b_io.py"


def test_a_broken_cell_holding_the_function_cannot_run(tmp_path):
    nb = classroom_fixture.notebook([("code", "def consumer(tasks, stop, do)\n    pass"),
                                     ("code", "def control(commands, stops):\n    return")])
    sub = sub_of(tmp_path, "x.ipynb", nb)
    bad = classroom.extract(sub, exercises.get("lost-task/consumer"))
    assert bad.source is None and bad.attempted and "code cell 1, line 1" in bad.problem
    assert classroom.extract(sub, exercises.get("signal-target/stop-one")).source is not None


def test_an_interrupted_grading_ends_every_worker_and_exits_130(tmp_path):
    """SIGTERM (or Ctrl-C) mid-grading: one line, status 130, and every
    process the command started (workers in sessions of their own, their
    sandboxed children) is gone."""
    import signal
    import time

    from labs.child import procfs
    from labs.practice.engine import descendants

    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "eve.py").write_text(classroom_fixture.HANGS)
    proc = subprocess.Popen([sys.executable, "-m", "labs", "practice", "grade",
                             str(tmp_path / "class"), "--out", str(tmp_path / "out"),
                             "--exercise", "lost-task/consumer"], cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started, seen = time.monotonic(), []
    while time.monotonic() - started < 60 and len(seen) < 2:  # the worker and its child
        seen = descendants(proc.pid)
        time.sleep(0.05)
    assert len(seen) >= 2, seen
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "stopped: grading" in err
    end = time.monotonic() + 10
    while time.monotonic() < end and any((procfs.stat(p) or ("Z",))[0] != "Z" for p in seen):
        time.sleep(0.05)
    assert all((procfs.stat(p) or ("Z",))[0] == "Z" for p in seen), seen


def test_a_narrow_terminal_gets_one_line_per_learner_and_exercise():
    from labs.show import class_report
    rows = [classroom.Grading("ada", e, "pass", runs=2, runs_passed=2)
            for e in ("lost-task/consumer", "lost-task/shutdown", "lock-leak/stop-worker")]
    rows.append(classroom.Grading("ben", "lost-task/consumer", "not attempted"))
    rows += [classroom.Grading("ben", e, "fail", first={
        "check": "every task done exactly once", "expected": "12 of 12", "measured": "11",
        "hints": ["h"]}) for e in ("lost-task/shutdown", "lock-leak/stop-worker")]
    ids = ["lost-task/consumer", "lost-task/shutdown", "lock-leak/stop-worker"]
    wide = class_report.text_table(rows, ids, columns=120)
    assert wide.splitlines()[0].split() == ["learner"] + ids
    narrow = class_report.text_table(rows, ids, columns=50)
    assert "ben      lost-task/consumer     not attempted" in narrow
    assert max(map(len, narrow.splitlines())) <= 80
