"""Grade every answer of the practice corpus and compare with what it expects.

    python scripts/grade_corpus.py [--runs-per-file 3] [--jobs 2] [--timeout 150]
                                   [--check-runs N] [--json FILE] [FILTER ...]

Each file of tests/practice_corpus/<exercise slug>/ starts with a docstring whose
first lines say what it must get (see tests/practice_corpus/README.md):

    EXPECT: pass|fail|error     the verdict it must get
    ACCEPT: error               (optional) other verdicts that are also right
    ISOLATE: yes                (optional) grade it with nothing else running
    FLAW: ...                   the sentence it violates, or the cheat

Every file is graded --runs-per-file times with

    python -m labs practice check EXERCISE FILE

in a session of its own, with a per-grading timeout. The verdict is read from the exit
status: 0 pass, 1 fail, 2 error; "timeout" past --timeout, "killed:SIG" for a grader
killed by a signal, "traceback" when the grader printed a Python traceback (the grader
promises one line, never a traceback), "exit N" otherwise.

Cheats may leave processes behind. This script makes itself a child subreaper (so an
orphan that escaped with setsid is re-parented here, not to init), marks every grading
with an environment variable, and after each grading kills every process that still
carries that grading's mark, and every orphan re-parented to it; a line says how many.
Files marked ISOLATE run one at a time after the others, so that a cheat that attacks
"the next graded child" can only reach its own grading.

One line per grading, then a table per file (expected vs every verdict) and counts per
exercise and kind. Exit status 1 if any grading got a verdict its file does not accept.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "practice_corpus"
MARK = "PRACTICE_CORPUS_GRADING"
VERDICTS = {0: "pass", 1: "fail", 2: "error"}
PR_SET_CHILD_SUBREAPER = 36


@dataclass
class Answer:
    path: Path
    exercise: str
    expect: str
    accept: set
    flaw: str
    isolate: bool
    gradings: list = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.path.name.split("_", 1)[0]

    @property
    def label(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    def ok(self, verdict: str) -> bool:
        return verdict in self.accept


@dataclass
class Grading:
    verdict: str
    rc: int | None
    seconds: float
    first_line: str
    leftovers: int


# ---------------------------------------------------------------- the corpus

def exercise_ids(python: str) -> dict[str, str]:
    """slug -> exercise id, from `python -m labs practice list`."""
    out = subprocess.run([python, "-m", "labs", "practice", "list"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    ids = [line.split()[0] for line in out.splitlines() if line.strip()]
    return {i.replace("/", "__").replace("-", "_"): i for i in ids}


def header(path: Path) -> dict[str, str]:
    """The KEY: value lines at the top of the file's docstring."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r'\s*(?:[rRuU]?)("""|\'\'\')(.*?)\1', text, re.S)
    if not m:
        raise ValueError(f"{path}: no docstring")
    fields = {}
    for line in m.group(2).strip().splitlines():
        km = re.match(r"([A-Z]+):\s*(.*)", line.strip())
        if not km:
            break
        fields[km.group(1)] = km.group(2).strip()
    return fields


def bad_input(message: str):
    """One line on stderr, exit status 2 (CONTRIBUTING.md, "Exit status")."""
    print(f"grade_corpus: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def load(corpus: Path, ids: dict[str, str], filters: list[str]) -> list[Answer]:
    answers = []
    for d in sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        if d.name not in ids:
            bad_input(f"{d}: no exercise with that slug (known: {', '.join(ids)})")
        for f in sorted(d.glob("*.py")):
            label = f"{d.name}/{f.name}"
            if filters and not any(x in label for x in filters):
                continue
            h = header(f)
            expect = h.get("EXPECT")
            if expect not in ("pass", "fail", "error"):
                bad_input(f"{f}: first docstring line must be 'EXPECT: pass|fail|error'")
            if f.name.startswith(("wrong_", "cheat_")) and not h.get("FLAW"):
                bad_input(f"{f}: a wrong answer or a cheat needs a FLAW: line")
            accept = {expect} | {a.strip() for a in h.get("ACCEPT", "").split("|") if a.strip()}
            answers.append(Answer(f, ids[d.name], expect, accept, h.get("FLAW", ""),
                                  h.get("ISOLATE", "").lower() in ("yes", "true", "1")))
    return answers


# ---------------------------------------------------------------- processes left behind

def become_subreaper() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


_active_lock = threading.Lock()
_active: set[int] = set()  # pids of the `practice check` processes we are waiting for


def _procs():
    for p in os.listdir("/proc"):
        if p.isdigit():
            yield int(p)


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _has_mark(pid: int, token: str | None) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            env = f.read().split(b"\0")
    except OSError:
        return False
    want = f"{MARK}={token}".encode() if token else f"{MARK}=".encode()
    return any(e == want if token else e.startswith(want) for e in env)


def kill_leftovers(token: str | None) -> int:
    """SIGKILL every process marked with ``token`` (any mark when None) and every
    orphan re-parented to us that is not a grading we are waiting for; reap them."""
    me, killed = os.getpid(), 0
    for _ in range(3):  # a forking cheat may start one more while we look
        found = 0
        with _active_lock:
            active = set(_active)
        for pid in _procs():
            if pid == me or pid in active:
                continue
            if _has_mark(pid, token) or (_ppid(pid) == me and token is None):
                try:
                    os.kill(pid, signal.SIGKILL)
                    found += 1
                except ProcessLookupError:
                    pass
        killed += found
        if not found:
            break
        time.sleep(0.05)
    reap()
    return killed


def reap() -> None:
    """Collect re-parented orphans that have exited (not our Popen children: their
    Popen waits for them)."""
    with _active_lock:
        active = set(_active)
    for pid in _procs():
        if pid in active or _ppid(pid) != os.getpid():
            continue
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass


# ---------------------------------------------------------------- grading

def grade_once(a: Answer, python: str, timeout: float, check_runs: int | None) -> Grading:
    token = uuid.uuid4().hex
    env = dict(os.environ, **{MARK: token})
    cmd = [python, "-m", "labs", "practice", "check", a.exercise, str(a.path)]
    if check_runs:
        cmd += ["--runs", str(check_runs)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    with _active_lock:
        _active.add(proc.pid)
    try:
        out, err = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        rc = None
    finally:
        with _active_lock:
            _active.discard(proc.pid)
    seconds = time.monotonic() - start
    out_s = out.decode(errors="replace")
    err_s = err.decode(errors="replace")
    if rc is None:
        verdict = "timeout"
    elif "Traceback (most recent call last)" in out_s + err_s:
        verdict = "traceback"
    elif rc < 0:
        try:
            verdict = f"killed:{signal.Signals(-rc).name}"
        except ValueError:
            verdict = f"killed:{-rc}"
    else:
        verdict = VERDICTS.get(rc, f"exit {rc}")
    lines = [ln for ln in (out_s.splitlines() or err_s.splitlines()) if ln.strip()]
    first = lines[0].strip() if lines else ""
    if verdict == "traceback":
        tail = [ln for ln in err_s.splitlines() if ln.strip()]
        first = (tail[-1].strip() if tail else first)
    leftovers = kill_leftovers(token)
    return Grading(verdict, rc, seconds, first, leftovers)


_print_lock = threading.Lock()


def report_line(i: int, total: int, a: Answer, g: Grading) -> None:
    ok = "ok  " if a.ok(g.verdict) else "BAD "
    left = f" [killed {g.leftovers} leftover process(es)]" if g.leftovers else ""
    rc = "-" if g.rc is None else str(g.rc)
    with _print_lock:
        print(f"{ok}[{i}/{total}] {a.label:<62} expected {a.expect:<5} got {g.verdict:<9} "
              f"rc={rc:<3} {g.seconds:5.1f}s{left}  {g.first_line[:150]}", flush=True)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("filters", nargs="*", help="grade only files whose 'dir/name' contains one of these")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--runs-per-file", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2, help="gradings at once (default 2: a 2-core machine)")
    p.add_argument("--timeout", type=float, default=150.0, help="seconds per grading")
    p.add_argument("--check-runs", type=int, default=None, help="--runs passed to practice check")
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--json", type=Path, help="write every grading here")
    args = p.parse_args(argv)

    answers = load(args.corpus, exercise_ids(args.python), args.filters)
    if not answers:
        print("no file matched", file=sys.stderr)
        return 2
    subreaper = become_subreaper()
    print(f"{len(answers)} files x {args.runs_per_file} gradings, {args.jobs} at once, "
          f"timeout {args.timeout:g}s; subreaper: {'yes' if subreaper else 'no'}", flush=True)

    jobs = [(a, k) for k in range(args.runs_per_file) for a in answers if not a.isolate]
    solo = [(a, k) for k in range(args.runs_per_file) for a in answers if a.isolate]
    total = len(jobs) + len(solo)
    counter = iter(range(1, total + 1))
    count_lock = threading.Lock()

    def one(job):
        a, _ = job
        g = grade_once(a, args.python, args.timeout, args.check_runs)
        a.gradings.append(g)
        with count_lock:
            i = next(counter)
        report_line(i, total, a, g)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(one, jobs))
    stray = kill_leftovers(None)
    if stray:
        print(f"killed {stray} stray process(es) after the parallel gradings", flush=True)
    for job in solo:
        one(job)
        stray = kill_leftovers(None)
        if stray:
            print(f"killed {stray} stray process(es) after {job[0].label}", flush=True)

    # ------------------------------------------------------------ summary
    print("\nfile" + " " * 58 + "expected  got" + " " * 24 + "verdict")
    bad = 0
    for a in answers:
        got = " ".join(g.verdict for g in a.gradings)
        wrong = sum(not a.ok(g.verdict) for g in a.gradings)
        bad += bool(wrong)
        mark = "ok" if not wrong else f"MISMATCH {wrong}/{len(a.gradings)}"
        print(f"{a.label:<62}{a.expect:<10}{got:<28}{mark}")
    print("\nexercise                        kind     files  all-ok  mismatched (file:got)")
    for ex in sorted({a.exercise for a in answers}):
        for kind in ("correct", "wrong", "cheat"):
            group = [a for a in answers if a.exercise == ex and a.kind == kind]
            if not group:
                continue
            miss = [a for a in group if any(not a.ok(g.verdict) for g in a.gradings)]
            desc = ", ".join(f"{a.path.stem}:{'/'.join(g.verdict for g in a.gradings)}" for a in miss)
            print(f"{ex:<32}{kind:<9}{len(group):>5}  {len(group) - len(miss):>6}  {desc}")
    n_bad_gradings = sum(not a.ok(g.verdict) for a in answers for g in a.gradings)
    print(f"\n{len(answers)} files, {bad} with a verdict other than expected "
          f"({n_bad_gradings} of {total} gradings)")
    if args.json:
        args.json.write_text(json.dumps([
            {"file": a.label, "exercise": a.exercise, "expect": a.expect,
             "accept": sorted(a.accept), "flaw": a.flaw,
             "gradings": [g.__dict__ for g in a.gradings]} for a in answers], indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
