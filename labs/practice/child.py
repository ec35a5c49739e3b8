"""The practice lab: each variant is an exercise, run in the sandbox's child.

The parent sends the learner's code as source text in the payload
(``labs.child.payload()``): {"source", "function", "runs", "seed"}. The
child compiles it under the file name ``LEARNER_FILE`` (so that its frames
are easy to tell from ours), then runs the exercise's harness once per
repetition, each with fresh threads and objects and its own forced
interleaving, and reports each repetition's measured facts as one event.
The parent (labs.practice.grade) turns those facts into checks.

Events written here (besides the harness's thread states):
  practice-start  {"runs"}                  before any learner code runs
  practice-setup  {"problem"}               the code could not even be loaded
  rep             {"n", "mode"}             a repetition starts
  rep-facts       {"n", "facts"}            what it measured
  stuck           {"n", "where"}            the watchdog gave up on it
  practice-done   {"runs_done"}             every repetition ran
"""
from __future__ import annotations

import inspect
import os
import random
import sys
import threading
import time
import traceback

from labs.child import record
from labs.child import runtime as child
from labs.contract.lab import Lab
from labs.practice import exercises

LEARNER_FILE = "<your code>"
JOIN_S = 1.0  # how long a thread may take to end once it was asked to stop


class Learner:
    """The learner's code, loaded, and what it can tell about its own lines."""

    def __init__(self, source: str):
        self.lines = source.splitlines()
        self.namespace = {"__name__": "answer", "__builtins__": __builtins__}
        exec(compile(source, LEARNER_FILE, "exec"), self.namespace)
        self.loops = _loops(source)

    def loop_around(self, lineno: int) -> int | None:
        """The header line of the innermost loop whose body holds ``lineno``."""
        inside = [(first, last) for first, last in self.loops if first < lineno <= last]
        return max(inside)[0] if inside else None

    def text(self, lineno: int) -> str:
        return self.lines[lineno - 1].strip() if 0 < lineno <= len(self.lines) else "?"

    def frames(self, frames) -> list[list]:
        """[[line, function, text]] of the learner's own frames, outermost first."""
        return [[line, func, self.text(line)] for filename, line, func in frames
                if filename == LEARNER_FILE]


def _loops(source: str) -> list[tuple]:
    """(header line, last line) of every ``while`` and ``for`` in the source."""
    import ast
    return [(node.lineno, node.end_lineno) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.While, ast.For))]


def _stack_of(frame) -> list[tuple]:
    out = []
    while frame is not None:
        out.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
        frame = frame.f_back
    return out[::-1]  # outermost first


def where(learner: Learner, thread: threading.Thread) -> dict:
    """Where a live thread is: its learner frames, and the call it is inside."""
    frame = sys._current_frames().get(thread.ident)
    stack = _stack_of(frame) if frame is not None else []
    del frame
    inner = stack[-1] if stack else None
    frames = learner.frames(stack)
    if frames:
        # Which line of its loop a looping thread was on at the dump is luck
        # (inside the lock, in a call the harness made, between the two): it
        # is named by the loop it is in, the same on every grading.
        header = learner.loop_around(frames[-1][0])
        if header is not None:
            frames[-1] = [header, frames[-1][1], learner.text(header)]
    return {"frames": frames,
            "inside": f"{os.path.basename(inner[0])}, in {inner[2]}" if inner else "?"}


class Rep:
    """One repetition: its number, its mode (the interleaving it forces), a
    seeded random source for hostile delays, and the tools a harness uses to
    run learner code and to see what became of it."""

    def __init__(self, learner: Learner, n: int, mode: str, seed: int):
        self.learner, self.n, self.mode = learner, n, mode
        self.rng = random.Random(seed * 1000 + n)
        self.errors: list[dict] = []
        self.threads: list[threading.Thread] = []

    def call(self, fn, *args):
        """Call learner code; an exception is recorded, never raised here.
        Returns (True, value) or (False, None)."""
        try:
            value = fn(*args)
        except BaseException as e:  # noqa: B036 - SystemExit too: it is the learner's
            record.state(f"died: {type(e).__name__}")  # the thread's bar ends here
            tb = traceback.extract_tb(e.__traceback__)
            self.errors.append({
                "thread": threading.current_thread().name,
                "type": type(e).__name__, "message": str(e)[:200],
                "frames": self.learner.frames([(f.filename, f.lineno, f.name) for f in tb])})
            return False, None
        record.state("returned")
        return True, value

    def thread(self, name: str, fn, *args) -> threading.Thread:
        """A started daemon thread running ``fn(*args)`` through ``call``
        (daemon: a thread that never ends must not keep the child alive)."""
        t = threading.Thread(target=self.call, args=(fn, *args), name=name, daemon=True)
        self.threads.append(t)
        t.start()
        return t

    def join(self, threads, timeout: float = JOIN_S) -> dict:
        """Join ``threads`` within ``timeout`` in all; {name: where} of the
        ones still running then."""
        end = time.monotonic() + timeout
        for t in threads:
            t.join(max(0.0, end - time.monotonic()))
        return {t.name: where(self.learner, t) for t in threads if t.is_alive()}

    def pause(self) -> None:
        """A hostile small delay, up to 2 ms."""
        time.sleep(self.rng.uniform(0, 0.002))


class Watchdog:
    """Ends the child when a repetition outlives its budget (learner code
    that blocks the main thread, where no join timeout can reach it), after
    reporting where every thread was."""

    def __init__(self, learner: Learner, budget_s: float):
        self.learner, self.budget_s = learner, budget_s
        self.rep: Rep | None = None
        self.started = 0.0
        self.wake = threading.Event()
        threading.Thread(target=self.watch, name="practice-watchdog", daemon=True).start()

    def begin(self, rep: Rep) -> None:
        self.rep, self.started = rep, time.monotonic()

    def watch(self) -> None:
        while not self.wake.wait(0.05):
            if self.rep is not None and time.monotonic() - self.started > self.budget_s:
                stuck = {t.name: where(self.learner, t) for t in threading.enumerate()
                         if t.name != "practice-watchdog"}
                record.event("stuck", n=self.rep.n, where=stuck, budget_s=self.budget_s)
                os._exit(3)


def run_exercise(exercise_id: str) -> None:
    ex = exercises.get(exercise_id)
    job = child.payload() or {}
    runs = int(job.get("runs", 10))
    record.facts(runs_planned=runs)
    record.event("practice-start", runs=runs)
    problem = None
    try:
        learner = Learner(job["source"])
    except SyntaxError as e:
        problem = {"kind": "syntax", "line": e.lineno, "message": e.msg,
                   "python": sys.version.split()[0]}
    except BaseException as e:  # the module's own top-level code failed
        tb = traceback.extract_tb(e.__traceback__)
        problem = {"kind": "load", "type": type(e).__name__, "message": str(e)[:200],
                   "frames": [[f.lineno, f.name, (f.line or "").strip()] for f in tb
                              if f.filename == LEARNER_FILE]}
    if problem is None:
        problem = _missing_functions(ex, learner.namespace)
    if problem is not None:
        record.event("practice-setup", problem=problem)
        return
    fns = [learner.namespace[name] for name in ex.functions]
    dog = Watchdog(learner, ex.budget_s)
    for n in range(1, runs + 1):
        mode = ex.modes[(n - 1) % len(ex.modes)]
        rep = Rep(learner, n, mode, int(job.get("seed", 0)))
        dog.begin(rep)
        record.event("rep", n=n, mode=mode)
        record.mark(f"run {n}")
        facts = ex.harness(rep, *fns) or {}
        facts.update(mode=mode, errors=rep.errors,
                     stuck=facts.get("stuck") or rep.join(rep.threads, 0.0))
        record.event("rep-facts", n=n, facts=facts)
        if facts["stuck"]:  # a thread of this run still runs: the next would share it
            break
    dog.rep = None
    record.event("practice-done", runs_done=n)
    # Daemon threads that never ended must not be waited for, nor run past
    # our own end; every event is already written.
    sys.stderr.flush()
    os._exit(0)


def _missing_functions(ex, namespace) -> dict | None:
    for name, params in zip(ex.functions, ex.signatures):
        fn = namespace.get(name)
        if not callable(fn):
            return {"kind": "missing", "function": name}
        try:
            inspect.signature(fn).bind(*params)
        except TypeError:
            return {"kind": "signature", "function": name, "params": list(params),
                    "got": str(inspect.signature(fn))}
    return None


def _variant(exercise_id: str):
    def variant():
        job = child.payload() or {}
        if job.get("engine") == "arena":  # the trusted engine (labs.practice.engine)
            from labs.practice import jail
            jail.main(job)
            return
        run_exercise(exercise_id)
    variant.__name__ = exercise_id
    return variant


def _send_sigterm(event: dict, child) -> None:
    """Driver: the harness asks the parent to SIGTERM the child's process, as
    a service manager would (a lab signals only processes it started)."""
    if event.get("kind") == "practice-signal":
        child.signal(__import__("signal").SIGTERM)


# What the child runs, by exercise id.
VARIANTS = {ex.id: _variant(ex.id) for ex in exercises.all_exercises()}

LAB = Lab(
    id="practice",
    title="Practice: the learner's code, graded in the sandbox",
    hazard="none: each variant runs an exercise's harness on the learner's code",
    variants=VARIANTS,
    judge=lambda facts, outcome: False,  # grade.py judges, from every repetition
    requires=("runs_planned",),
    drivers={ex.id: _send_sigterm for ex in exercises.all_exercises() if ex.sends_sigterm},
    deadline_s=30.0,
)
