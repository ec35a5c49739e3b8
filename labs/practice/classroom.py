"""Grade a class: every learner's submission on every exercise, each in a
fresh child, with a time bound, into files instructors' tools read.

  python -m labs practice grade SUBMISSIONS [--exercise ID ...] [--out DIR]
         [--runs N] [--format gradescope] [--jobs N] [--timeout S] [--python PATH]

Runs in the PARENT. ``SUBMISSIONS`` is a folder with one entry per learner:
a ``.py`` file, a folder of ``.py`` files (and notebooks), or a ``.ipynb``
notebook. From each, only an exercise's functions (by the names the exercise
defines) and what they use (the imports, helpers, classes and constants they
name) are graded: a notebook's other cells (``check(...)``, plots, magics)
never run, and a learner who did not write an exercise's functions is "not
attempted" for it.

Each submission x exercise is one *grading*: a fresh ``python -m
labs.practice.classroom --worker`` in a session of its own, which calls
``grade.grade`` (itself one sandboxed child per check) and answers one JSON
line. Nothing is shared between gradings. Past its time bound the worker is
interrupted (the grader cleans up as on Ctrl-C), then its group is killed;
the grading is a row that says so. A submission that hangs, crashes, does
not parse or lacks a function is a row with its reason, never a stop.

Exit status: 0 when the grading ran, whatever the grades; 2 bad input (one
line on stderr, before anything runs); 130 interrupted.
"""
from __future__ import annotations

import ast
import json
import os
import re
import signal
import subprocess
import symtable
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

MARK = ".classroom-grades"  # the mark of a folder this command wrote: the only kind it empties
WORKER_GRACE_S = 5.0        # after the interrupt, before the worker's group is killed

# A grading's result, as a word.
PASS, FAIL, CANNOT_RUN, NOT_ATTEMPTED, STOPPED, ERROR = (
    "pass", "fail", "cannot run", "not attempted", "stopped", "grader error")


class BadInput(ValueError):
    """The command's input cannot be graded at all: one line, exit status 2."""


# ---------------------------------------------------------------- submissions

@dataclass
class Document:
    """One file of a submission: a .py file, or a notebook's code cells."""
    label: str                  # "ada.py", "cleo.ipynb"
    cells: list                 # [(label, source or None, why unreadable)]: one per code cell
    notebook: bool = False


@dataclass
class Submission:
    learner: str
    path: Path
    documents: list = field(default_factory=list)
    problem: str | None = None  # why nothing of it can be read


def learner_name(path: Path) -> str:
    return path.stem if path.is_file() else path.name


def find_submissions(folder: Path) -> list[Submission]:
    if not folder.is_dir():
        raise BadInput(f"{folder} is not a folder (one entry per learner: a .py file, "
                       "a folder of .py files, or a .ipynb notebook)")
    out = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "_")) or (entry / MARK).is_file():
            continue  # hidden, __pycache__, or this command's own output folder
        if entry.is_dir():
            files = sorted(p for p in entry.rglob("*") if p.suffix in (".py", ".ipynb")
                           and p.is_file() and not any(part.startswith((".", "__"))
                                                       for part in p.relative_to(entry).parts))
            sub = Submission(entry.name, entry)
            for f in files:
                sub.documents.append(read_document(f, f"{entry.name}/{f.relative_to(entry)}"))
            if not files:
                sub.problem = "no .py or .ipynb file in the folder"
            out.append(sub)
        elif entry.suffix in (".py", ".ipynb"):
            out.append(Submission(entry.stem, entry, [read_document(entry, entry.name)]))
    names = [s.learner for s in out]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise BadInput(f"two entries for the same learner: {', '.join(twice)} "
                       "(a .py and a .ipynb of the same name?)")
    return out


def read_document(path: Path, label: str) -> Document:
    from labs.practice import ship
    try:
        text = ship.from_file(path)
    except ship.BadAnswer as e:
        return Document(label, [(label, None, f"cannot read it: {str(e).split(': ', 1)[-1]}")])
    if path.suffix != ".ipynb":
        return Document(label, [(label, text, None)])
    try:
        nb = json.loads(text)
        cells = [c for c in nb["cells"] if c.get("cell_type") == "code"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return Document(label, [(label, None, "not a readable notebook (JSON)")], notebook=True)
    out = []
    for i, cell in enumerate(cells, 1):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        out.append((f"{label}, code cell {i}", without_magics(source), None))
    return Document(label, out, notebook=True)


def without_magics(source: str) -> str:
    """A cell as Python: IPython's magics and shell lines blanked (line
    numbers kept); a cell magic other than timing keeps nothing."""
    lines = source.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        if lines[0].split()[0] not in ("%%time", "%%timeit", "%%capture"):
            return ""
        lines[0] = ""
    return "\n".join("" if re.match(r"\s*[%!]", line) or re.match(r"\s*\w+\s*=\s*[%!]", line)
                     else line for line in lines)


# ---------------------------------------------------------------- an exercise's code

@dataclass
class Extract:
    source: str | None = None   # the module to grade
    label: str = ""             # where it came from
    problem: str | None = None  # cannot run, and why
    attempted: bool = True


def _bound(node) -> set[str]:
    """Names a top-level statement binds."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"}
    names = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in n.names if a.name != "*"}
    return names


def _needs(text: str) -> set[str]:
    """Names a top-level statement reads from the module: at module level
    (decorators, defaults, bases, right-hand sides) or as globals inside."""
    try:
        top = symtable.symtable(text, "<cell>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    found = {s.get_name() for s in top.get_symbols() if s.is_referenced()}

    def walk(table):
        for s in table.get_symbols():
            if s.is_global() and s.is_referenced():
                found.add(s.get_name())
        for child in table.get_children():
            walk(child)
    for child in top.get_children():
        walk(child)
    return found


@dataclass
class _Stmt:
    cell: str      # the cell's label
    text: str      # the cell's source
    node: object
    order: int

    def segment(self) -> tuple[int, list[str]]:
        first = min([self.node.lineno] + [d.lineno for d in getattr(self.node, "decorator_list", [])])
        return first, self.text.split("\n")[first - 1:self.node.end_lineno]


def _statements(doc: Document):
    """(statements in order, {cell label: syntax problem})."""
    from labs.practice import policy
    stmts, broken = [], {}
    for label, text, problem in doc.cells:
        if text is None:
            broken[label] = problem
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError as e:
            broken[label] = f"{label}, line {e.lineno}: {e.msg}"
            continue
        except (ValueError, RecursionError, MemoryError) as e:
            broken[label] = f"{label}: cannot be read ({type(e).__name__})"
            continue
        for node in policy.runs_on_import(tree.body):
            stmts.append(_Stmt(label, text, node, len(stmts)))
    return stmts, broken


def _defines(text: str, name: str) -> bool:
    return re.search(rf"^\s*(async\s+)?def\s+{re.escape(name)}\s*\(", text or "", re.M) is not None


def _params(node) -> list[str]:
    a = node.args
    return [p.arg for p in a.posonlyargs + a.args]


def extract(sub: Submission, ex) -> Extract:
    """The module that grades ``sub`` on ``ex``: the exercise's functions and
    everything at top level they use, in the order written."""
    if sub.problem:
        return Extract(problem=sub.problem, attempted=False)
    candidates = []  # (score, order, document, statements)
    for d_i, doc in enumerate(sub.documents):
        stmts, broken = _statements(doc)
        last = {}
        for s in stmts:
            for name in _bound(s.node):
                last[name] = s
        if all(f in last for f in ex.functions):
            fits = sum(isinstance(last[f].node, (ast.FunctionDef, ast.AsyncFunctionDef))
                       and _params(last[f].node) == list(sig)
                       for f, sig in zip(ex.functions, ex.signatures))
            candidates.append((fits, d_i, doc, stmts, last))
            continue
        for label, problem in broken.items():  # the function is there, in a cell that does not parse
            text = next((t for lab, t, _ in doc.cells if lab == label), "")
            if any(_defines(text, f) for f in ex.functions):
                return Extract(problem=f"not valid Python: {problem}", label=label)
        if any(label == doc.label for label in broken) and not doc.notebook:
            if len(sub.documents) == 1:
                return Extract(problem=f"not valid Python: {broken[doc.label]}", label=doc.label)
    if not candidates:
        where = " or ".join(f"{f}()" for f in ex.functions)
        return Extract(problem=f"no function {where} in the submission", attempted=False)
    _, _, doc, stmts, last = max(candidates, key=lambda c: (c[0], c[1]))
    chosen, todo = {}, list(ex.functions)
    while todo:
        name = todo.pop()
        s = last.get(name)
        if s is None or s.order in chosen:
            continue
        chosen[s.order] = s
        text = "\n".join(s.segment()[1])
        todo += [n for n in _needs(text) if n in last]  # a builtin the learner redefined too
    for s in stmts:  # `from __future__ import ...` must come first, and may matter
        if isinstance(s.node, ast.ImportFrom) and s.node.module == "__future__":
            chosen[s.order] = s
    if _skeleton(ex, [last[f].node for f in ex.functions]):
        return Extract(problem="the exercise's skeleton, unchanged", attempted=False,
                       label=doc.label)
    return Extract(source=_assemble([chosen[k] for k in sorted(chosen)], doc.notebook),
                   label=doc.label)


def _skeleton(ex, nodes) -> bool:
    try:
        skeleton = {n.name: ast.dump(n) for n in ast.parse(ex.skeleton).body
                    if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    except SyntaxError:
        return False
    return all(getattr(n, "name", None) in skeleton and ast.dump(n) == skeleton[n.name]
               for n in nodes)


def _assemble(stmts, notebook: bool) -> str:
    """The chosen statements as one module. From a .py file each keeps its
    line number (so messages name the learner's own lines); from a notebook,
    the cells follow each other, each headed by a comment naming it."""
    out: list[str] = []
    done: dict[str, int] = {}  # cell -> last line emitted
    for s in stmts:
        first, lines = s.segment()
        skip = max(0, done.get(s.cell, 0) - first + 1)  # two statements on one line
        lines, first = lines[skip:], first + skip
        if not lines:
            continue
        if notebook:
            if s.cell not in done:
                out += ["", f"# {s.cell}"]
            elif out:
                out.append("")
        else:
            out += [""] * max(0, first - 1 - len(out))
        out += lines
        done[s.cell] = first + len(lines) - 1
    return "\n".join(out).lstrip("\n") + "\n" if notebook else "\n".join(out) + "\n"


# ---------------------------------------------------------------- one grading (the worker)

def grade_one(task: dict) -> dict:
    """In the worker: the static check, then ``grade.grade``; a plain dict."""
    from labs.practice import exercises, grade, ship

    ex = exercises.get(task["exercise"])
    started = time.monotonic()
    out = {"status": FAIL, "problem": None, "summary": "", "text": "", "first": None,
           "failed_checks": [], "checks": [], "runs": task["runs"], "runs_passed": 0}
    try:
        ship.static_check(task["source"], ex.functions, ex.signatures,
                          filename=task["label"], modules=ex.modules)
    except ship.BadAnswer as bad:
        return dict(out, status=CANNOT_RUN, problem=str(bad), summary=f"FAIL {ex.id}: {bad}",
                    text=f"FAIL {ex.id}: {bad}", seconds=time.monotonic() - started)
    result = grade.grade(ex.id, task["source"], runs=task["runs"], python=task.get("python"))
    checks, failed = [], []
    for r in result.runs:
        for c, ok, _ in r.results:
            if c.name not in checks:
                checks.append(c.name)
            if not ok and c.name not in failed:
                failed.append(c.name)
    bad = result.first_failing()
    first = None
    if bad is not None:
        check, measured = bad.first_failure()
        first = {"check": check.name, "expected": check.expect, "measured": measured,
                 "run": bad.n, "mode": bad.mode, "hints": list(result.hints())}
    elif result.fatal:
        first = {"check": "the check ran to its end", "expected": "every run", "measured": result.fatal,
                 "run": len(result.runs) + 1, "mode": "", "hints": list(result.fatal_hints)}
        checks.append(first["check"])
        failed.append(first["check"])
    status = PASS if result.passed else (CANNOT_RUN if result.problem else FAIL)
    return dict(out, status=status, problem=result.problem, summary=result.summary(),
                text=result.text(), first=first, failed_checks=failed, checks=checks,
                runs_passed=result.runs_passed, failures=result.failures()[:20],
                seconds=time.monotonic() - started)


def worker_main() -> int:
    task = json.loads(sys.stdin.read())
    try:
        answer = grade_one(task)
    except KeyboardInterrupt:  # the parent's time bound: the grader cleaned up on the way out
        return 130
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------- the parent

@dataclass
class Grading:
    learner: str
    exercise: str
    status: str
    label: str = ""            # the file (or cell) graded
    problem: str | None = None
    summary: str = ""
    text: str = ""
    first: dict | None = None
    failed_checks: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    runs: int = 0
    runs_passed: int = 0
    seconds: float = 0.0
    failures: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == PASS

    def why(self) -> str:
        """The whole reason, one line: what the CSV and the reports show."""
        if self.status == PASS:
            return f"{self.runs_passed} of {self.runs} runs passed"
        if self.first:
            f = self.first
            return (f"{f['check']}: expected {f['expected']}, measured {f['measured']}"
                    if f["check"] != "the check ran to its end" else f["measured"])
        return self.problem or self.summary

    def few_words(self, width: int = 30) -> str:
        """The class table's cell: pass, or the first failed check in a few words."""
        if self.status == PASS:
            return "pass"
        if self.status == NOT_ATTEMPTED:
            return "not attempted"
        if self.first and self.first["check"] != "the check ran to its end":
            words = self.first["check"]
        elif self.first:
            m = self.first["measured"]
            words = ("ended its own process" if "ended the whole process" in m else
                     "never returned" if "did not finish" in m or "never finished" in m else
                     "ended early: " + m)
        elif self.status == CANNOT_RUN and (line := re.search(r", line (\d+)", self.problem or "")) \
                and (self.problem or "").startswith("not valid Python"):
            words = f"syntax error, line {line.group(1)}"
        else:
            words = f"{self.status}: {self.problem or ''}"
        return words if len(words) <= width else words[:width - 3].rstrip() + "..."

    def hint(self) -> str:
        """The first, most general hint for the first failure."""
        hints = (self.first or {}).get("hints") or [""]
        return hints[0]


def time_bound(ex, runs: int) -> float:
    """How long one grading may take: start-up, then every run's budget."""
    return 30.0 + runs * (ex.budget_s + 2.0)


class Workers:
    """The running workers, so that an interrupt ends them all."""

    def __init__(self):
        import threading
        self.lock = threading.Lock()
        self.live: set = set()

    def run(self, task: dict, bound: float) -> tuple[dict | None, str | None]:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join([root] + [p for p in [env.get("PYTHONPATH")] if p])
        proc = subprocess.Popen([sys.executable, "-m", "labs.practice.classroom", "--worker"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env, cwd=root,
                                start_new_session=True)  # its own group: killed as one
        with self.lock:
            self.live.add(proc)
        try:
            try:
                out, err = proc.communicate(json.dumps(task), timeout=bound)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGINT)  # the grader cleans up, as on Ctrl-C
                try:
                    proc.communicate(timeout=WORKER_GRACE_S)
                except subprocess.TimeoutExpired:
                    pass
                _signal_group(proc, signal.SIGKILL)
                proc.wait()
                return None, f"the grading took longer than {bound:g} s: stopped"
        finally:
            with self.lock:
                self.live.discard(proc)
        line = out.strip().splitlines()[-1] if out.strip() else ""
        try:
            return json.loads(line), None
        except ValueError:
            tail = (err or "").strip().splitlines()
            return None, ("the grader failed: " + (tail[-1] if tail else f"exit status {proc.returncode}"))

    def kill_all(self) -> None:
        with self.lock:
            for proc in list(self.live):
                _signal_group(proc, signal.SIGKILL)


def _signal_group(proc, sig) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def grade_class(submissions, exercise_ids, runs: int, jobs: int = 1, timeout: float | None = None,
                python: str | None = None, progress=None) -> list[Grading]:
    """Every submission on every exercise; ``progress(done, total, label)``."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    from labs.practice import exercises

    exs = [exercises.get(e) for e in exercise_ids]
    rows: dict[tuple, Grading] = {}
    tasks = []
    for sub in submissions:
        for ex in exs:
            got = extract(sub, ex)
            if got.source is None:
                rows[(sub.learner, ex.id)] = Grading(
                    sub.learner, ex.id, NOT_ATTEMPTED if not got.attempted else CANNOT_RUN,
                    label=got.label, problem=got.problem, runs=runs,
                    summary=f"FAIL {ex.id}: {got.problem}")
            else:
                tasks.append((sub, ex, got))
    total, done = len(tasks), 0
    if progress is not None:
        progress(0, total, "starting")
    workers = Workers()

    def one(sub, ex, got):
        task = {"exercise": ex.id, "source": got.source, "label": got.label, "runs": runs,
                "python": python}
        bound = timeout or time_bound(ex, runs)
        started = time.monotonic()
        answer, why = workers.run(task, bound)
        if answer is None:
            status = STOPPED if why.startswith("the grading took") else ERROR
            return Grading(sub.learner, ex.id, status, label=got.label, problem=why, runs=runs,
                           summary=f"FAIL {ex.id}: {why}", seconds=time.monotonic() - started)
        answer["seconds"] = time.monotonic() - started
        fields = {k: answer.get(k) for k in ("status", "problem", "summary", "text", "first",
                                            "failed_checks", "checks", "runs", "runs_passed",
                                            "seconds", "failures") if answer.get(k) is not None}
        return Grading(sub.learner, ex.id, label=got.label, **fields)

    pool = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="grading")
    try:
        pending = {pool.submit(one, *t): t for t in tasks}
        while pending:
            finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for f in finished:
                sub, ex, _ = pending.pop(f)
                rows[(sub.learner, ex.id)] = f.result()
                done += 1
                if progress is not None:
                    progress(done, total, f"{sub.learner} / {ex.id}")
    except BaseException:
        for f in pending:
            f.cancel()
        workers.kill_all()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [rows[(s.learner, e.id)] for s in submissions for e in exs]


# ---------------------------------------------------------------- files

def prepare_out(out: Path) -> None:
    """Empty ``out`` if this command made it; refuse a folder it did not make."""
    import shutil
    if out.exists():
        if not out.is_dir():
            raise BadInput(f"{out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARK).is_file():
            raise BadInput(f"{out} exists and was not written by `practice grade`: not "
                           "touching it (choose an empty or new folder for --out)")
        shutil.rmtree(out)
    try:
        out.mkdir(parents=True)
        (out / MARK).write_text("written by python -m labs practice grade; emptied by its next run\n")
    except OSError as e:
        raise BadInput(f"cannot write to {out}: {e.strerror}") from None


CSV_COLUMNS = ("learner", "exercise", "result", "score", "runs_passed", "runs", "first_failed_check",
               "why", "hint", "graded", "seconds")


def write_csv(rows, path: Path) -> None:
    import csv
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        for g in rows:
            check = g.first["check"] if g.first else ""
            w.writerow([g.learner, g.exercise, g.status, int(g.passed), g.runs_passed, g.runs,
                        check, g.why(), g.hint(), g.label, f"{g.seconds:.1f}"])


def gradescope_results(rows, exercise_ids) -> dict:
    """One learner's rows as Gradescope's results.json: one test per
    exercise, 1 point each, its output the check's full text."""
    from labs.practice import exercises
    tests = []
    for n, g in enumerate(rows, 1):
        ex = exercises.get(g.exercise)
        output = g.text or g.summary
        if g.status == NOT_ATTEMPTED:
            output = f"not attempted: {g.problem}"
        elif g.status in (STOPPED, ERROR):
            output = f"{g.status}: {g.problem}"
        tests.append({"name": f"{ex.id}: {ex.title}", "number": str(n),
                      "score": 1.0 if g.passed else 0.0, "max_score": 1.0,
                      "output": output, "visibility": "visible", "tags": [ex.lab]})
    passed = sum(g.passed for g in rows)
    lines = [f"{g.exercise}: {g.few_words(60)}" for g in rows]
    return {"score": float(passed), "execution_time": round(sum(g.seconds for g in rows)),
            "output": f"{passed} of {len(rows)} exercises passed\n" + "\n".join(lines),
            "stdout_visibility": "hidden", "tests": tests}


def safe_name(learner: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", learner).strip("._") or "learner"


def write_outputs(rows, exercise_ids, out: Path, gradescope: bool, meta: dict) -> list[Path]:
    from labs.show import class_report
    written = [out / "grades.csv", out / "grades.json", out / "report.html"]
    write_csv(rows, written[0])
    written[1].write_text(json.dumps({"meta": meta, "gradings": [asdict(g) for g in rows]},
                                     indent=1) + "\n")
    written[2].write_text(class_report.html_report(rows, exercise_ids, meta), encoding="utf-8")
    if gradescope:
        learners = list(dict.fromkeys(g.learner for g in rows))
        for learner in learners:
            path = out / "gradescope" / safe_name(learner) / "results.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(gradescope_results(
                [g for g in rows if g.learner == learner], exercise_ids), indent=2) + "\n")
            written.append(path)
    return written


# ---------------------------------------------------------------- for autograders

def check_in_subprocess(exercise_id: str, *functions, runs: int = 5, timeout: float = 25.0,
                        python: str | None = None) -> tuple[bool, str]:
    """Grade notebook functions the way an autograder cell or test file
    needs it (nbgrader, otter-grader): their source, shipped as ``check()``
    ships it, is graded by ``python -m labs practice check`` in a child of
    its own session, within ``timeout`` seconds (below nbgrader's 30 s cell
    timeout). Returns (passed, the check's report); prints nothing. On the
    timeout, or on an interrupt (nbgrader interrupts a cell past its
    timeout), the child's whole group is killed first."""
    import tempfile

    from labs.practice import exercises, ship

    ex = exercises.get(exercise_id)
    try:
        source = ship.from_functions(list(functions), ex.functions)
    except ship.BadAnswer as bad:
        return False, f"FAIL {ex.id}: {bad}"
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [root] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    with tempfile.TemporaryDirectory(prefix="labs-check-") as folder:
        path = Path(folder) / "answer.py"
        path.write_text(source)
        proc = subprocess.Popen([python or sys.executable, "-m", "labs", "practice", "check",
                                 ex.id, str(path), "--runs", str(runs)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env=env,
                                start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
            proc.wait()
            return False, f"FAIL {ex.id}: the check took longer than {timeout:g} s: stopped"
        except BaseException:
            _signal_group(proc, signal.SIGKILL)
            proc.wait()
            raise
    return proc.returncode == 0, out.strip()


# ---------------------------------------------------------------- the command

def add_arguments(p) -> None:
    p.add_argument("submissions", help="a folder: one .py file, folder or .ipynb per learner")
    p.add_argument("--exercise", action="append", metavar="ID",
                   help="grade this exercise (repeat for more; default: every one)")
    p.add_argument("--out", default="grades", help="where to write the results (default: grades)")
    p.add_argument("--runs", type=int, default=None, help="repetitions of each check (default 10)")
    p.add_argument("--format", choices=("gradescope",), help="also one results.json per learner")
    p.add_argument("--jobs", type=int, default=1, help="gradings at a time (default 1)")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds one grading may take (default: 30 + runs x (budget + 2))")
    p.add_argument("--python", help="interpreter for the sandboxed children (default: this one)")


def main(args, fail) -> int:
    from labs.practice import exercises, grade
    from labs.show import class_report
    from labs.show.progress import Progress

    runs = exercises.DEFAULT_RUNS if args.runs is None else args.runs
    if not 1 <= runs <= grade.MAX_RUNS:
        fail(f"--runs must be between 1 and {grade.MAX_RUNS}, not {runs}")
    if not 1 <= args.jobs <= 8:
        fail(f"--jobs must be between 1 and 8, not {args.jobs}")
    if args.timeout is not None and not args.timeout > 0:
        fail(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    try:
        ids = [exercises.get(e).id for e in (args.exercise or [])] or \
            [ex.id for ex in exercises.all_exercises()]
        ids = list(dict.fromkeys(ids))
        if args.python:
            from labs import sandbox
            sandbox.check_python(args.python)
        subs = find_submissions(Path(args.submissions))
        if not subs:
            raise BadInput(f"no submissions in {args.submissions} (one .py file, folder or "
                           ".ipynb per learner)")
        out = Path(args.out)
        prepare_out(out)
    except BadInput as bad:  # (an unknown exercise or a bad --python: labs.__main__ says it)
        fail(str(bad))
    started = time.monotonic()
    with Progress(f"grading {len(subs)} submissions x {len(ids)} exercises") as progress:
        rows = grade_class(subs, ids, runs, jobs=args.jobs, timeout=args.timeout,
                           python=args.python, progress=progress)
    elapsed = time.monotonic() - started
    meta = {"submissions": str(args.submissions), "exercises": ids, "runs": runs,
            "jobs": args.jobs, "elapsed_s": round(elapsed, 1), "python": sys.version.split()[0],
            "graded_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    written = write_outputs(rows, ids, out, args.format == "gradescope", meta)
    print(class_report.text_table(rows, ids))
    print("(a cell: pass, or the first check that failed; grades.csv and report.html say "
          "what was measured)")
    passed = sum(g.passed for g in rows)
    print(f"\n{len(subs)} submissions x {len(ids)} exercises: {passed} of {len(rows)} passed "
          f"({elapsed:.0f} s, --runs {runs}, --jobs {args.jobs}); wrote {out}/grades.csv, "
          f"{out}/report.html" + (f" and {len(written) - 3} results.json under {out}/gradescope/"
                                   if args.format else ""))
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        sys.exit(worker_main())
    sys.exit("usage: python -m labs practice grade SUBMISSIONS ... (this module's own "
             "entry point is the grading worker, --worker)")
