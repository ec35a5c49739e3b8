"""Practice: every reference solution passes, every known-wrong answer is
caught with its message, every learner mistake gets one clear message, and
the command line's exit codes."""
from __future__ import annotations

import html
import inspect
import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest

from labs.practice import Problem, check, exercises, grade, ship
from labs.practice.exercises import expected_message

EXERCISES = exercises.all_exercises()
WRONG = [(ex, path) for ex in EXERCISES for path in ex.wrong_answers()]
CHILD_PYTHON = os.environ.get("LABS_CHILD_PYTHON") or None


def test_enough_exercises_with_enough_wrong_answers():
    assert len(EXERCISES) >= 8
    for lab in ("lock-leak", "lost-task", "signal-target", "blocking-io"):
        assert sum(ex.lab == lab for ex in EXERCISES) >= 2
    for ex in EXERCISES:
        assert ex.reference().is_file(), ex.id
        assert ex.scenario is not None, ex.id  # every exercise on the trusted engine
        assert len(ex.wrong_answers()) >= 6, ex.id


def test_hints_per_cause_name_a_text_the_checks_measure():
    """A cause's text is a literal of its check's measure (a measured text
    can hold it; a renamed text would silently give the check's own hints),
    and its hints come in the three layers."""
    for ex in EXERCISES:
        for c in ex.checks:
            for text, hints in c.causes:
                assert text in inspect.getsource(c.measure), (ex.id, c.name, text)
                assert hints == () or len(hints) == 3, (ex.id, c.name, text)
        for name, hints in ex.killed_hints:
            assert name.startswith("SIG") and len(hints) == 3, ex.id


def test_the_practice_child_knows_every_exercise_without_importing_it():
    """The child's variants are the exercise table's ids; the child imports
    no exercise module to know them (it starts faster)."""
    from labs.practice import child
    assert child.EXERCISE_IDS == tuple(ex.id for ex in EXERCISES)
    code = ("import sys, labs.practice.child; "
            "print(sorted(m for m in sys.modules if m.startswith('labs.practice')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert "ex_" not in loaded and "engine" not in loaded, loaded


def test_every_answer_and_gap_file_is_graded_by_its_name():
    """A known answer is graded only if its name says how (``<slug>.py``,
    ``__right_``, ``__wrong_``, ``__cheat_``): one named otherwise would be
    skipped by these tests and by scripts/repeat_practice.py. A gap file is
    graded by scripts/grade_gaps.py with the exercise its name starts with."""
    from pathlib import Path
    slugs = [ex.slug for ex in exercises.all_exercises()]
    answers = [p for p in exercises.ANSWERS.glob("*.py") if p.name != "__init__.py"]
    unread = [p.name for p in answers
              if not any(p.stem == s or re.fullmatch(re.escape(s) + r"__(right|wrong|cheat)_\w+",
                                                      p.stem) for s in slugs)]
    assert answers and not unread, unread
    gaps = list((Path(__file__).parent / "gaps").glob("*.py"))
    stray = [p.name for p in gaps if not any(p.name.startswith(s + "__") for s in slugs)]
    assert gaps and not stray, stray


# Every correct answer, the reference included, is graded once per mode in
# test_practice_trust.py (test_right_answer_passes); many gradings of each are
# scripts/repeat_practice.py's.


@pytest.mark.parametrize("ex,path", WRONG, ids=[p.stem for _, p in WRONG])
def test_known_wrong_answer_is_caught_with_its_message(ex, path):
    source = path.read_text()
    ship.static_check(source, ex.functions, ex.signatures, modules=ex.modules)
    # Each mode once: every mode forces its moments, so a wrong answer fails
    # in the first run of its mode (measured over every known wrong answer at
    # 10 runs: the first failing run was at most the number of modes).
    r = grade.grade(ex.id, source, runs=len(ex.modes), python=CHILD_PYTHON)
    assert not r.passed
    want = expected_message(path)
    # the failure the summary names first, whose hints the learner is shown
    # (a right fact lost before it, say, fails here even when later ones match)
    assert any(want in line for line in first_failure(r)), (want, first_failure(r))


def first_failure(r) -> list[str]:
    """What a result's summary names: the first failing run's first failure
    ("check: measured"), then what ended the runs early."""
    return r.named()


# The skeleton fails the same way on every grading: each notebook shows a
# skeleton's whole result, and nbval (make test) compares a fresh grading with it.


# ---------------------------------------------------------------- learner mistakes
# Functions defined here stand for a notebook cell's: check() ships their source.

def consumer_wrong_signature(tasks, stop):
    pass


def consumer_undefined_name(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        do(n)
        tasks.task_done()
        sleeep(0.1)  # noqa: F821 - the mistake under test


def consumer_raises(tasks, stop, do):
    n = tasks.get()
    total = {}
    do(total[n])  # KeyError in the learner's own line


def consumer_spins(tasks, stop, do):
    while True:
        pass


def run_never_returns(start_workers):
    import threading
    threading.Event().wait()  # blocks the main thread: only the watchdog ends it


def consumer_os_exit(tasks, stop, do):
    os._exit(0)


def consumer_kills_process(tasks, stop, do):
    os.kill(os.getpid(), signal.SIGKILL)


def test_wrong_signature_is_one_line():
    p = check("lost-task/consumer", consumer_wrong_signature)
    assert isinstance(p, Problem)
    assert repr(p) == ("FAIL lost-task/consumer: consumer_wrong_signature must take 3 "
                       "argument(s) (tasks, stop, do); yours takes (tasks, stop)")


def test_name_never_defined():
    p = check("lost-task/consumer", consumer_undefined_name)
    assert isinstance(p, Problem)
    assert "the name 'sleeep' is used but never defined" in repr(p)
    assert "sleeep(0.1)" in repr(p)


def test_exception_shows_the_learners_line_only():
    r = check("lost-task/consumer", consumer_raises, runs=2)
    assert not r.passed
    line = next(x for x in r.failures() if x.startswith("your code raised no exception"))
    assert "raised KeyError: " in line and " in consumer_raises, line" in line
    assert "do(total[n])" in line
    assert "threading.py" not in r.text() and "Traceback" not in r.text()


def test_infinite_loop_says_where():
    r = check("lost-task/consumer", consumer_spins, runs=3)
    assert not r.passed
    # The loop's back-edge belongs to `while True:` up to 3.13 and to `pass` on
    # 3.14 and 3.15 (measured): either line of the loop is where it spins.
    lines, first = inspect.getsourcelines(consumer_spins)
    loop = [f"line {first + i}: {text.strip()}" for i, text in enumerate(lines)
            if text.strip() in ("while True:", "pass")]
    assert len(loop) == 2
    assert any("consumer-1 in consumer_spins, in the loop at " + where in x
               for x in r.failures() for where in loop), r.failures()
    assert r.fatal and "not run" in r.summary()


def test_function_that_never_returns_in_the_main_thread():
    r = check("signal-target/sigterm", run_never_returns, runs=2)
    assert not r.passed
    assert re.match(r"run [12] did not finish within", r.fatal), r.fatal  # the first to run
    assert "MainThread in run_never_returns, line" in r.fatal
    assert "threading.Event().wait()" in r.fatal


@pytest.mark.parametrize("fn,why", [(consumer_os_exit, "ended with exit status 0"),
                                    (consumer_kills_process, "killed by SIGKILL")])
def test_code_that_ends_its_own_process(fn, why):
    r = check("lost-task/consumer", fn, runs=3)
    assert not r.passed
    assert r.fatal.startswith("your code ended the whole process: ")
    assert why in r.fatal
    # the run it died in ran, and did not pass (until the twenty-first session the
    # summary counted it as not run: "0 of 0 runs passed, 3 not run")
    assert r.fatal_run is not None
    assert f"{r.runs_passed} of {len(r.runs) + 1} runs passed" in r.summary(), r.summary()


def test_lambda_and_closures_are_refused():
    assert "lambda" in repr(check("lost-task/shutdown", lambda tasks, consumers: None))

    def outer():
        k = 3

        def shutdown(tasks, consumers):
            return k
        return shutdown
    assert "from an enclosing function" in repr(check("lost-task/shutdown", outer()))


def test_syntax_error_in_a_file():
    with pytest.raises(ship.BadAnswer, match=r"answer.py, line 1: "):
        ship.static_check("def consumer(tasks, stop, do)\n    pass\n",
                          ("consumer",), (("tasks", "stop", "do"),), filename="answer.py")


def test_hints_come_in_layers(capsys):
    ex = exercises.get("lost-task/consumer")
    r = grade.grade(ex.id, ex.skeleton, runs=2)
    layers = r.hints()
    assert len(layers) == 3 and layers[0] in r.text()
    r.hint()
    r.hint()
    r.hint()  # stays on the last layer
    out = capsys.readouterr().out.splitlines()
    assert out == [f"hint 2 of 3: {layers[1]}", f"hint 3 of 3: {layers[2]}",
                   f"hint 3 of 3: {layers[2]}"]
    assert layers[2].startswith("Notebook 02")


def test_a_failed_check_reads_expected_then_measured():
    """The summary says what the check wanted and what the run measured; in
    Jupyter the result is an HTML table with whole check names and its hint's
    code as code."""
    ex = exercises.get("lost-task/consumer")
    r = grade.grade(ex.id, ex.skeleton, runs=2)
    check, measured = r.first_failing().first_failure()
    assert f"{check.name}: expected {check.expect}, measured {measured}" in r.summary()
    page = r._repr_html_()
    assert page.startswith("<p><b>FAIL</b>") and "<table" in page
    names = [row[0] for row in r._rows(r.first_failing())]
    assert any(len(n) > 30 for n in names)  # the text table cuts these
    assert all(f">{html.escape(n)}</td>" in page for n in names)
    assert "<code>" in page and "`" not in page


def test_a_flood_of_stderr_stops_at_the_files_limit():
    """A learner's process that writes to stderr without end gets "File too
    large" once the file holds jail.MAX_WRITTEN bytes: the grader's disk is not
    its to fill (4.6 GB in one check of 2 runs, thirty-first session)."""
    from labs.practice import jail
    ex = exercises.get("lock-leak/stop-worker")
    source = (
        "import sys\n"
        "def worker(bank, lock, stop):\n"
        f"    for _ in range({2 * jail.MAX_WRITTEN >> 20}):\n"
        "        sys.stderr.write('x' * (1 << 20))\n")
    r = grade.grade(ex.id, source, runs=1)
    assert not r.passed
    assert any("OSError: [Errno 27] File too large" in line for line in r.failures()), r.failures()


def test_a_refused_bank_call_is_no_transfer_and_keeps_its_lock():
    """A debit the bank refuses (a wrong amount), made under the lock, fails
    only "each transfer": it ran with the lock held, moved nothing, and cuts
    no transfer in half (it was said to run without the lock, and to be a
    transfer cut in half, until the thirty-first session)."""
    ex = exercises.get("lock-leak/stop-worker")
    source = (
        "def worker(bank, lock, stop):\n"
        "    while not stop.is_set():\n"
        "        with lock:\n"
        "            try:\n"
        "                bank.debit('alice', 'ten')\n"
        "            except TypeError:\n"
        "                pass\n"
        "            bank.debit('alice', 10)\n"
        "            bank.credit('bob', 10)\n")
    r = grade.grade(ex.id, source, runs=len(ex.modes))
    assert not r.passed
    failed = {c.name for run in r.runs for c, ok, _ in run.results if not ok}
    assert failed == {"each transfer: 10 from alice to bob"}, failed


def test_the_timeline_ends_a_thread_where_its_call_ended():
    """A returned call, or one that raised, ends its thread's bar; it does not
    stay in its last state until the end of the run."""
    import matplotlib
    matplotlib.use("Agg")
    from labs.show import timeline
    ex = exercises.get("lock-leak/safe-transfer")
    r = grade.grade(ex.id, ex.reference().read_text(), runs=1)
    o = r.run_outcome(1)
    rows = timeline.segments([e for e in o.timeline if e.get("t") is not None], 99.0)
    for name in ("worker-1", "worker-2"):
        assert rows[name][-1][2] == "returned" and rows[name][-1][1] == 0, rows[name][-3:]
        assert all(start + length < 99.0 for start, length, _ in rows[name])
    assert any(st == "died: Frozen" for _, _, st in rows["worker-1"])  # fails-first
    labels = [t.get_text() for t in r.figure().axes[0].texts]
    assert "returned" in labels and "died: Frozen" in labels


def test_helpers_and_imports_are_shipped():
    import queue as q_module  # noqa: F401 - shipped under its alias

    src = ship.from_functions([_uses_helper], ("shutdown",))
    assert "def _helper" in src and "shutdown = _uses_helper" in src
    r = check("lost-task/shutdown", _uses_helper, runs=3)
    assert r.passed, r.text()


def _helper(tasks, consumers):
    for _ in consumers:
        tasks.put(None)


def _uses_helper(tasks, consumers):
    _helper(tasks, consumers)
    for t in consumers:
        t.join()


# ---------------------------------------------------------------- the command line

def cli(*args):
    return subprocess.run([sys.executable, "-m", "labs", "practice", *args],
                          capture_output=True, text=True, timeout=120)


def test_cli_list_and_solution():
    r = cli("list")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(EXERCISES)
    r = cli("solution", "lost-task/shutdown")
    assert r.returncode == 0 and "def shutdown(tasks, consumers):" in r.stdout


def test_cli_show_says_what_the_notebook_says():
    # a learner at a terminal reads the statement, the imports the policy allows
    # and a skeleton, which fails its check (right-answer round, twenty-eighth
    # session: the allowed imports were only in the notebooks)
    ex = exercises.get("blocking-io/wakeup-reader")
    r = cli("show", ex.id)
    assert r.returncode == 0, r.stderr
    assert ex.statement in r.stdout and ex.imports in r.stdout and "`selectors`" in r.stdout
    skeleton = r.stdout.split("A skeleton (it fails its check):\n\n")[1].split("\n\nCheck it:")[0]
    assert skeleton.strip() == ex.skeleton.strip()


def test_cli_pass_and_fail():
    ex = exercises.get("lost-task/shutdown")
    ok = cli("check", ex.id, str(ex.reference()), "--runs", "3", "--json")
    assert ok.returncode == 0, ok.stderr
    assert '"passed": true' in ok.stdout
    bad = cli("check", ex.id, str(ex.wrong_answers()[0]), "--runs", "3")
    assert bad.returncode == 1 and bad.stdout.startswith("FAIL lost-task/shutdown")


@pytest.mark.parametrize("args,message", [
    (("check", "no/such", "x.py"), "unknown exercise 'no/such'"),
    (("check", "lost-task/shutdown", "/no/such/file.py"), "cannot read /no/such/file.py"),
    (("check", "lost-task/shutdown", "{syntax}"), "line 1: "),
    (("check", "lost-task/shutdown", "{nofunc}"), "has no function named 'shutdown'"),
    (("check", "lost-task/shutdown", "{nofunc}", "--runs", "0"), "--runs must be between"),
    (("solution", "nope"), "unknown exercise 'nope'"),
    (("show", "nope"), "unknown exercise 'nope'"),
    ((), "practice needs an action"),
    # a hostile round (twenty-fourth session): a FIFO given as the file blocked the read
    (("check", "lost-task/shutdown", "{fifo}"), "not a regular file"),
    (("check", "lost-task/shutdown", "{folder}"), "not a regular file"),
    (("check", "lost-task/shutdown", "{latin1}"), "can't decode byte 0xe9"),
])
def test_cli_bad_input_is_one_line_and_status_2(tmp_path, args, message):
    files = {"{syntax}": "def shutdown(tasks, consumers)\n    pass\n",
             "{nofunc}": "def other(tasks, consumers):\n    pass\n"}
    real = []
    for a in args:
        if a == "{fifo}":
            os.mkfifo(tmp_path / "answer.py")
            a = str(tmp_path / "answer.py")
        elif a == "{folder}":
            a = str(tmp_path)
        elif a == "{latin1}":
            (tmp_path / "answer.py").write_bytes("# café\n".encode("latin-1"))
            a = str(tmp_path / "answer.py")
        elif a in files:
            path = tmp_path / "answer.py"
            path.write_text(files[a])
            a = str(path)
        real.append(a)
    r = cli(*real)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_a_hanging_file_is_a_failure_not_bad_input(tmp_path):
    path = tmp_path / "answer.py"
    path.write_text(textwrap.dedent("""
        def shutdown(tasks, consumers):
            while True:
                pass
    """))
    r = cli("check", "lost-task/shutdown", str(path), "--runs", "2")
    assert r.returncode == 1
    assert "shutdown in shutdown, in the loop at line 4: pass" in r.stdout \
        or "in the loop at line 3: while True:" in r.stdout
