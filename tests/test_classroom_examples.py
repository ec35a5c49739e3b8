"""The classroom examples (examples/classroom/), checked offline: the GitHub
Classroom workflow parses, uses the documented inputs and every command it
runs works on a fixture repository; the otter test file and the nbgrader
notebook grade a reference and a wrong answer as those tools would; the
Gradescope run_autograder writes a results.json."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import types
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
import yaml

from labs.practice import exercises
from labs.sandbox import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "examples" / "classroom"
ANSWERS = exercises.ANSWERS
GRADER = "classroom-resources/autograding-command-grader@v1"
REPORTER = "classroom-resources/autograding-grading-reporter@v1"
# classroom-resources/autograding-command-grader's README: its inputs.
GRADER_INPUTS = {"test-name", "setup-command", "command", "timeout", "max-score"}


def said(wrong: Path, report: str) -> bool:
    """The report names the check and what was measured of a known-wrong answer
    (its `# expect: CHECK: MEASURED` line; the report says "CHECK: expected ...,
    measured MEASURED")."""
    check, measured = exercises.expected_message(wrong).split(": ", 1)
    return f"{check}: expected" in report and measured in report


def python_first_on_path(tmp_path) -> dict:
    """`python` and `python3` are this interpreter, as setup-python makes them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name in ("python", "python3"):
        link = bin_dir / name
        if not link.exists():
            link.symlink_to(sys.executable)
    return dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                PYTHONPATH=str(PROJECT_ROOT))


# ---------------------------------------------------------------- GitHub Classroom

def workflow() -> dict:
    return yaml.safe_load((EXAMPLES / "classroom.yml").read_text())


def test_classroom_workflow_uses_the_documented_inputs():
    wf = workflow()
    assert set(wf["on"]) >= {"push"}
    steps = wf["jobs"]["run-autograding-tests"]["steps"]
    graders = [s for s in steps if s.get("uses") == GRADER]
    assert {s["with"]["test-name"] for s in graders} == {ex.id for ex in exercises.all_exercises()}
    for s in graders:
        assert set(s["with"]) <= GRADER_INPUTS and {"test-name", "command"} <= set(s["with"])
        assert 0 < float(s["with"]["timeout"]) <= 360  # minutes, at most 6 hours
        assert float(s["with"]["max-score"]) > 0
    ids = [s["id"] for s in graders]
    assert len(set(ids)) == len(ids)
    reporter = steps[-1]
    assert reporter["uses"] == REPORTER
    assert reporter["with"]["runners"].split(",") == ids
    # the reporter reads process.env[`${runner.trim().toUpperCase()}_RESULTS`]
    assert reporter["env"] == {f"{i.upper()}_RESULTS": f"${{{{steps.{i}.outputs.result}}}}"
                               for i in ids}


@pytest.mark.slow  # nine checks
def test_classroom_workflow_commands_pass_a_right_repository_and_fail_a_wrong_one(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    graders = [s for s in workflow()["jobs"]["run-autograding-tests"]["steps"]
               if s.get("uses") == GRADER]
    for ex in exercises.all_exercises():
        shutil.copy(ex.reference(), repo / f"{ex.slug}.py")
    wrong_repo = tmp_path / "wrong"
    shutil.copytree(repo, wrong_repo)
    wrong = ANSWERS / "lost_task__consumer__wrong_no_task_done.py"
    shutil.copy(wrong, wrong_repo / "lost_task__consumer.py")
    step = next(s for s in graders if s["with"]["test-name"] == "lost-task/consumer")
    env = python_first_on_path(tmp_path)

    def run(cwd, s):
        return subprocess.run(s["with"]["command"], shell=True, cwd=cwd, env=env,
                              capture_output=True, text=True,
                              timeout=60 * float(s["with"]["timeout"]))
    with ThreadPoolExecutor(2) as pool:  # two at a time, as the suite's cores allow
        done = list(pool.map(run, [repo] * len(graders) + [wrong_repo], graders + [step]))
    for s, d in zip(graders, done):
        assert d.returncode == 0, (s["with"]["command"], d.stdout, d.stderr)
    assert done[-1].returncode == 1 and said(wrong, done[-1].stdout)


# ---------------------------------------------------------------- otter-grader

def load_function(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(f"answer_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


@pytest.fixture
def otter_test_file(monkeypatch):
    """The test file, imported with a stand-in for otter.test_files.test_case
    that keeps otter's documented signature and its way of calling: each
    argument of the test function is the learner's global of that name."""
    class test_case:
        def __init__(self, name=None, points=None, hidden=False, success_message=None,
                     failure_message=None):
            self.points, self.hidden = points, hidden

        def __call__(self, test_func):
            self.test_func = test_func
            return self

        def call_func(self, env):
            import inspect
            args = inspect.signature(self.test_func).parameters
            self.test_func(**{a: env if a == "env" else env.get(a) for a in args})

    otter = types.ModuleType("otter")
    files = types.ModuleType("otter.test_files")
    files.test_case = test_case
    otter.test_files = files
    monkeypatch.setitem(sys.modules, "otter", otter)
    monkeypatch.setitem(sys.modules, "otter.test_files", files)
    spec = importlib.util.spec_from_file_location("otter_consumer",
                                                  EXAMPLES / "otter" / "tests" / "consumer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, test_case


def test_otter_test_file_passes_a_reference_and_fails_a_wrong_answer(otter_test_file):
    module, test_case = otter_test_file
    assert module.OK_FORMAT is False and module.points == 1
    cases = [v for v in vars(module).values() if isinstance(v, test_case)]
    assert len(cases) == 1 and cases[0].points == 1
    right = load_function(ANSWERS / "lost_task__consumer.py", "consumer")
    cases[0].call_func({"consumer": right})  # passes: nothing raised
    wrong_path = ANSWERS / "lost_task__consumer__wrong_no_task_done.py"
    with pytest.raises(AssertionError) as failed:
        cases[0].call_func({"consumer": load_function(wrong_path, "consumer")})
    assert said(wrong_path, str(failed.value))
    with pytest.raises(AssertionError, match="define consumer"):
        cases[0].call_func({})


# ---------------------------------------------------------------- nbgrader

def nbgrader_grade(cell) -> float:
    """nbgrader's rule for an autograder test cell (nbgrader/utils.py,
    determine_grade): zero on an error or any stderr output; a value shown as
    the cell's result is a partial grade; otherwise full points."""
    points = float(cell.metadata["nbgrader"]["points"])
    for output in cell.outputs:
        if output.output_type == "error" or (output.output_type == "stream"
                                             and output.name == "stderr"):
            return 0.0
        if output.output_type == "execute_result":
            raise AssertionError("the test cell must not end with an expression")
    return points


def run_with_solution(answer: Path):
    from nbclient import NotebookClient

    from tests.kernels import AsyncIpcKernelManager

    nb = nbformat.read(EXAMPLES / "nbgrader" / "lost-task-consumer.ipynb", 4)
    solution = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    head, rest = solution.source.split("### BEGIN SOLUTION", 1)
    solution.source = head + answer.read_text() + rest.split("### END SOLUTION", 1)[1]
    # as nbgrader autograde runs it: 30 s per cell, errors allowed, interrupt on timeout
    NotebookClient(nb, timeout=30, allow_errors=True, interrupt_on_timeout=True,
                   kernel_name="python3", kernel_manager_class=AsyncIpcKernelManager,
                   resources={"metadata": {"path": str(PROJECT_ROOT)}}).execute()
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))


def test_nbgrader_notebook_test_cell_is_the_example_cell():
    nb = nbformat.read(EXAMPLES / "nbgrader" / "lost-task-consumer.ipynb", 4)
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))
    assert test.source.strip() == (EXAMPLES / "nbgrader" / "autograder_cell.py").read_text().strip()
    assert test.metadata["nbgrader"]["locked"] and test.metadata["nbgrader"]["points"] == 1
    solution = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    assert "### BEGIN SOLUTION" in solution.source and "### END SOLUTION" in solution.source


@pytest.mark.slow  # a real kernel
def test_nbgrader_cell_scores_a_pass_with_nothing_on_stderr_and_a_wrong_answer_zero():
    right = run_with_solution(ANSWERS / "lost_task__consumer.py")
    assert nbgrader_grade(right) == 1.0, right.outputs
    assert [o.text.split(":")[0] for o in right.outputs] == ["PASS lost-task/consumer"]
    wrong = run_with_solution(ANSWERS / "lost_task__consumer__wrong_ignores_stop.py")
    assert nbgrader_grade(wrong) == 0.0
    assert any(o.output_type == "error" and o.ename == "AssertionError" for o in wrong.outputs)


# ---------------------------------------------------------------- Gradescope

@pytest.mark.slow  # a grading
def test_gradescope_run_autograder_writes_results_json(tmp_path):
    ag = tmp_path / "autograder"
    (ag / "submission").mkdir(parents=True)
    shutil.copy(ANSWERS / "lost_task__consumer.py", ag / "submission" / "answers.py")
    env = python_first_on_path(tmp_path)
    env.update(AUTOGRADER=str(ag), EXERCISES="lost-task/consumer lost-task/shutdown", RUNS="2")
    done = subprocess.run(["bash", str(EXAMPLES / "gradescope" / "run_autograder")], env=env,
                          capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    results = json.loads((ag / "results" / "results.json").read_text())
    assert results["score"] == 1.0
    assert [t["score"] for t in results["tests"]] == [1.0, 0.0]
    assert results["tests"][1]["output"].startswith("not attempted")


def test_an_interrupted_check_leaves_nothing_running(tmp_path):
    """nbgrader interrupts a cell past its timeout (a KeyboardInterrupt in the
    kernel's main thread): check_in_subprocess kills its child's group and
    lets the interrupt through."""
    (tmp_path / "hang.py").write_text(
        "import time\n\ndef consumer(tasks, stop, do):\n    while True:\n        time.sleep(0.01)\n")
    script = tmp_path / "run.py"
    script.write_text(f"""if True:
        import os, signal, sys, time
        sys.path.insert(0, {str(tmp_path)!r})
        from hang import consumer
        from labs.child import procfs
        from labs.practice.classroom import check_in_subprocess
        from labs.practice.engine import descendants
        import threading
        seen = []
        def interrupt(*_):
            seen.extend(descendants(os.getpid()))
            raise KeyboardInterrupt
        def when_both_run():  # the grader's child and the learner's: observed, not timed
            end = time.monotonic() + 30
            while len(descendants(os.getpid())) < 2 and time.monotonic() < end:
                time.sleep(0.02)
            os.kill(os.getpid(), signal.SIGALRM)
        signal.signal(signal.SIGALRM, interrupt)
        threading.Thread(target=when_both_run, daemon=True).start()
        try:
            check_in_subprocess("lost-task/consumer", consumer, timeout=60)
        except KeyboardInterrupt:
            print("interrupted")
        end = time.monotonic() + 10
        left = seen
        while left and time.monotonic() < end:
            left = [p for p in seen if (procfs.stat(p) or ["Z"])[0] != "Z"]
            time.sleep(0.05)
        print(len(seen), left)
    """)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, PYTHONPATH=str(PROJECT_ROOT)))
    lines = done.stdout.split("\n")
    assert lines[0] == "interrupted", done.stdout + done.stderr
    count, left = lines[1].split(" ", 1)
    assert int(count) >= 2 and left == "[]", lines
