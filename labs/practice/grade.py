"""Grade an answer: run it in the sandbox, repeatedly, and turn what each
repetition measured into checks, a verdict, a timeline and hints."""
from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass, field

from labs.practice import exercises
from labs.practice.exercises import DEFAULT_RUNS, Check, Exercise
from labs.show import tables

MAX_RUNS = 200
MAX_EXHAUST = 20000  # schedules of a bounded enumeration (about 30 a second)
MAX_BOUND = 4        # its preemptions per schedule


@dataclass
class Run:
    n: int
    mode: str
    facts: dict
    results: list  # [(Check, passed, measured)] for the checks that apply
    schedule: str | None = None   # the explorer's schedule of this run (replayable)
    explored: dict | None = None  # by, choices, operations, straggled, diverged
    ended_by: str | None = None   # the check whose failure ended the check here

    @property
    def passed(self) -> bool:
        return all(ok for _, ok, _ in self.results)

    def first_failure(self):
        """The failure named first: the one that ended the check, if this
        run ended it; else the first failed check."""
        failed = [(c, m) for c, ok, m in self.results if not ok]
        return next(((c, m) for c, m in failed if c.name == self.ended_by),
                    failed[0] if failed else None)


@dataclass
class Result:
    exercise: Exercise
    planned: int
    runs: list = field(default_factory=list)
    problem: str | None = None   # the answer could not be loaded at all
    bad_input: bool = False      # ... and that is the learner's input, not a failure
    fatal: str | None = None     # what ended the repetitions early
    fatal_run: int | None = None  # ... the run it ended, when it ended the process in one
    fatal_hints: tuple = ()
    outcome: object = None
    hints_shown: int = 1
    source: str | None = None    # the answer graded (for replay())
    exploration: dict | None = None  # how the schedules were chosen (engine.Session.plan)
    order_seed: int | None = None  # the seed of the runs' order (engine.order): a replay's
    # the run whose failure ended the check before its other runs (its number;
    # 0: the learner's process ended): the runs run in a random order, so which
    # runs ran before it is luck, what ended the check is not: it is named first
    ended: int | None = None

    # ---------------------------------------------------------- verdict
    @property
    def passed(self) -> bool:
        return (not self.problem and not self.fatal and len(self.runs) == self.planned
                and all(r.passed for r in self.runs))

    @property
    def runs_passed(self) -> int:
        return sum(r.passed for r in self.runs)

    def first_failing(self) -> Run | None:
        """The failing run the summary names: the one that ended the check
        early (None when the process ended: the summary names that), else
        the first by number. The runs run in a random order (engine.order):
        the runs before one that ended the check are luck, so none of them
        is named first."""
        if self.ended is not None:
            return next((r for r in self.runs if r.n == self.ended and not r.passed), None)
        return next((r for r in self.runs if not r.passed), None)

    @property
    def schedule(self) -> str | None:
        """The schedule of the first failing run (of run 1 if none failed),
        when the runs were explored: ``check ... --schedule`` replays it."""
        run = self.shown_run()
        return run.schedule if run is not None else None

    def schedule_line(self) -> str:
        """One line naming the shown run's schedule; "" without one."""
        run = self.shown_run()
        if run is None or run.schedule is None:
            return ""
        x = run.explored or {}
        extra = ""
        if x.get("straggled"):
            extra += f"; {x['straggled']} choice(s) passed over a thread that ran outside " \
                     "the grader: not exact"
        if x.get("diverged") is not None:
            extra += f"; diverged from the schedule at choice {x['diverged'] + 1}"
        return (f"schedule of run {run.n}: {run.schedule} ({x.get('by', '?')}, "
                f"{x.get('choices', 0)} choices{extra})")

    def exploration_line(self) -> str:
        """Whether the schedules were exhausted or sampled, and how many:
        "" for an exercise the explorer does not drive, or a replay."""
        x = self.exploration
        if not x:
            return ""
        from labs.practice.explore import DEPTH
        bound = f"at most {x['bound']} preemption{'' if x['bound'] == 1 else 's'}"
        sizes = ", ".join(f"{m} {n}" for m, n in x["sizes"].items())
        exact = (f"; {x['diverged']} replay(s) diverged: not exact (first in "
                 f"{x.get('diverged_where', '?')})" if x.get("diverged") else "")
        if x["exhausted"]:
            return f"exhausted: all {x['enumerated']} schedules with {bound} ({sizes}){exact}"
        steps = self.exercise.explore_steps
        n = x.get("threads", 2)
        p = pct_bound(n, steps)
        pct = (f"{x['pct']} PCT schedules, depth {DEPTH}: each bug of depth {DEPTH} found in "
               f"one with probability at least {p:.1e} (n={n} threads, k={steps} choice points)")
        failed = self.first_failing()
        if x["enumerated"] and failed is not None and failed.n <= x["enumerated"]:
            return (f"failed at schedule {failed.n} of the enumeration of every schedule with "
                    f"{bound}{exact}")
        if x["enumerated"]:
            return (f"sampled: the bounded space ({bound}) holds more than {x['enumerated']} "
                    f"schedules ({sizes or 'none complete'}; the rest not tried), then {pct}"
                    f"{exact}")
        return f"sampled: {pct}"

    def replay(self, python: str | None = None) -> Result:
        """Grade the same answer again on exactly this result's schedule."""
        if self.schedule is None or self.source is None:
            raise ValueError("this result has no schedule to replay")
        return grade(self.exercise.id, self.source, runs=1, python=python,
                     schedule=self.schedule, order_seed=self.order_seed)

    def steps(self) -> str:
        """The shown run's steps, in order: which thread did which operation
        on the grader's objects, the letter chosen at each choice, the
        grader's own moves (labs.show.schedule); "" when it was not explored."""
        from labs.show import schedule
        run = self.shown_run()
        if run is None or not (run.explored or {}).get("steps"):
            return ""
        x = run.explored
        head = [f"run {run.n}, schedule {run.schedule} ({schedule.letters_line(x)})",
                "a letter chooses which thread goes at a point where two or more could; "
                "a blank: only one could", ""]
        tail = schedule.schedule_notes(x)
        return "\n".join(head + [str(schedule.steps_table(x))] + ([""] + tail if tail else []))

    def schedule_figure(self):
        """The shown run's steps drawn, one lane per thread
        (labs.show.schedule.draw); None when it was not explored. Returns a
        matplotlib Figure: call plt.show()."""
        from labs.show import schedule
        run = self.shown_run()
        if run is None or not (run.explored or {}).get("steps"):
            return None
        ax = schedule.draw(run.explored, title=f"{self.exercise.id}, run {run.n}: "
                           f"{run.schedule} ({'passed' if run.passed else 'failed'})")
        return ax.figure

    def named(self) -> list[str]:
        """What the summary names, as "check: what was measured" lines: the
        first failing run's first failure (``first_failing``), then what
        ended the runs early; the same on every grading of an answer, whatever
        the order of its runs."""
        bad = self.first_failing()
        shown = [f"{c.name}: {m}" for c, m in [bad.first_failure()]] if bad is not None else []
        return shown + [x for x in (self.problem, self.fatal) if x]

    def failures(self) -> list[str]:
        """Every failure as one line, "check: what was measured", then what
        ended the runs early: what a known-wrong answer's message is matched to."""
        out = [f"{c.name}: {m}" for r in self.runs for c, ok, m in r.results if not ok]
        return out + [x for x in (self.problem, self.fatal) if x]

    def summary(self) -> str:
        head = f"{'PASS' if self.passed else 'FAIL'} {self.exercise.id}"
        if self.problem:
            return f"{head}: {self.problem}"
        # a run the process died in ran, and did not pass (hostile round, twenty-first
        # session: "2 of 2 runs passed, 8 not run ... (during run 1)" read as a contradiction)
        ran = len(self.runs) + (1 if self.fatal_run is not None else 0)
        text = f"{head}: {self.runs_passed} of {ran} runs passed" + (
            f", {self.planned - ran} not run" if ran < self.planned else "")
        if self.order_seed is not None:
            text += f" (order seed {self.order_seed})"
        bad = self.first_failing()
        if bad is not None:
            check, measured = bad.first_failure()
            text += f"; run {bad.n} ({bad.mode}): {said(check, measured)}"
        if self.fatal:
            text += f"; {self.fatal}"
        return text

    # ---------------------------------------------------------- the table
    def table(self) -> str:
        if not self.runs:
            return ""
        shown = self.first_failing() or self.runs[0]
        rows = [("check", "expected", f"measured (run {shown.n})", "runs passed")]
        rows += self._rows(shown)
        widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((30, 30, 60, 11))]
        return "\n".join("  ".join(cut(c, w).ljust(w) for c, w in zip(r, widths)).rstrip()
                         for r in rows)

    def _rows(self, shown: Run) -> list:
        """One row per check tried: its name, what is expected, what run
        ``shown`` measured, how many runs passed it."""
        rows, order = [], []
        for r in self.runs:
            order += [c for c, _, _ in r.results if c not in order]
        for check in order:
            tried = [(ok, m) for r in self.runs for c, ok, m in r.results if c.name == check.name]
            if not tried:
                continue
            here = next((m for c, ok, m in shown.results if c.name == check.name), "(does not apply)")
            rows.append((check.name, check.expect, here,
                         f"{sum(ok for ok, _ in tried)}/{len(tried)}"))
        return rows

    # ---------------------------------------------------------- hints
    def hints(self) -> tuple:
        """The hints of the failure the summary names first: the first
        failing run's first failed check, for its cause; else those of what
        ended the runs early (a later run that hung, say, gets its own hints
        only when no run before it failed)."""
        bad = self.first_failing()
        if bad is None:
            return self.fatal_hints
        check, measured = bad.first_failure()
        return check.hints_for(measured)

    def hint(self) -> None:
        """Print the next, more concrete hint."""
        layers = self.hints()
        if not layers:
            print("no hint: every check passed" if self.passed else "no hint for this failure")
            return
        self.hints_shown = min(self.hints_shown + 1, len(layers))
        print(f"hint {self.hints_shown} of {len(layers)}: {layers[self.hints_shown - 1]}")

    def text(self) -> str:
        out = [self.summary()]
        if self.exploration_line():
            out.append(f"schedules: {self.exploration_line()}")
        table = self.table()
        if table:
            out += ["", table]
        layers = self.hints()
        if layers:
            more = "  (result.hint() for the next one)" if len(layers) > 1 else ""
            out += ["", f"hint 1 of {len(layers)}: {layers[0]}{more}"]
        return "\n".join(out)

    def __repr__(self) -> str:
        return self.text()

    def __bool__(self) -> bool:
        return self.passed

    # ---------------------------------------------------------- the timeline
    def shown_run(self) -> Run | None:
        return self.first_failing() or (self.runs[0] if self.runs else None)

    def run_outcome(self, n: int):
        """The Outcome of repetition ``n`` alone (its slice of the timeline)."""
        events, inside = [], False
        for e in self.outcome.timeline:
            if e.get("kind") == "rep":
                inside = e["n"] == n
            if inside:
                events.append(e)
        end = max((e["t"] for e in events if e.get("t") is not None), default=0.0)
        last = self.outcome.timeline[-1] if self.outcome.timeline else {}
        timed_out = self.outcome.exit["timed_out"] and last in events
        return dataclasses.replace(self.outcome, timeline=events, child_elapsed_s=end,
                                   exit=dict(self.outcome.exit, timed_out=timed_out))

    def figure(self):
        """The timeline of the first failing run (or of run 1); None when
        nothing ran. Returns a matplotlib Figure: call plt.show()."""
        import matplotlib.pyplot as plt

        from labs.show import timeline

        run = self.shown_run()
        if run is None or self.outcome is None:
            return None
        o = self.run_outcome(run.n)
        fig, ax = plt.subplots(figsize=timeline.figure_size(o), layout="constrained")
        timeline.draw(o, ax)
        ax.set_title(f"{self.exercise.id}, run {run.n} ({run.mode}): "
                     f"{'passed' if run.passed else 'failed'}", fontsize=10)
        return fig

    def _repr_html_(self) -> str:
        """The result as Jupyter shows it: the summary, a table whose check
        names are whole, the first hint with its code as code."""
        out = [f"<p><b>{'PASS' if self.passed else 'FAIL'}</b> "
               f"{html.escape(self.summary().split(' ', 1)[1])}</p>"]
        if self.exploration_line():
            out.append(f"<p>schedules: {html.escape(self.exploration_line())}</p>")
        if self.runs:
            shown = self.first_failing() or self.runs[0]
            out.append(tables.grid(["check", "expected", f"measured (run {shown.n})",
                                    "runs passed"], self._rows(shown), right=(3,))._repr_html_())
        layers = self.hints()
        if layers:
            more = " (<code>result.hint()</code> for the next one)" if len(layers) > 1 else ""
            out.append(f"<p>hint 1 of {len(layers)}: {as_code(layers[0])}{more}</p>")
        return "\n".join(out)

    def _ipython_display_(self):
        import matplotlib.pyplot as plt
        from IPython.display import display

        display({"text/plain": self.text(), "text/html": self._repr_html_()}, raw=True)
        if self.figure() is not None:
            plt.show()

    def to_json(self) -> dict:
        return {"exercise": self.exercise.id, "passed": self.passed,
                "runs_planned": self.planned, "runs_passed": self.runs_passed,
                "problem": self.problem, "fatal": self.fatal, "summary": self.summary(),
                "schedule": self.schedule, "exploration": self.exploration,
                "order_seed": self.order_seed,
                "runs": [{"n": r.n, "mode": r.mode, "passed": r.passed, "schedule": r.schedule,
                          "checks": [{"check": c.name, "expected": c.expect,
                                      "passed": ok, "measured": m} for c, ok, m in r.results]}
                         for r in self.runs],
                "hints": list(self.hints())}


def pct_bound(n: int, k: int, depth: int | None = None) -> float:
    """PCT's guarantee for one run: a bug of depth d among n threads and k
    choice points is found with probability at least 1/(n k^(d-1))."""
    from labs.practice.explore import DEPTH
    d = DEPTH if depth is None else depth
    return 1.0 / (max(n, 1) * max(k, 1) ** (d - 1))


def said(check: Check, measured: str) -> str:
    """A failed check as the learner reads it: "<check>: expected <x>, measured <y>"."""
    return f"{check.name}: expected {check.expect}, measured {measured}"


def as_code(text: str) -> str:
    """A hint as HTML: escaped, its `backticked` parts as code."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters ("..." where it was cut)."""
    return text if len(text) <= width else text[:width - 3] + "..."


# ---------------------------------------------------------------- running

def grade(exercise_id: str, source: str, runs: int = DEFAULT_RUNS,
          python: str | None = None, progress=None, schedule: str | None = None,
          seed: int = 0, exhaust: int = 0, bound: int | None = None,
          order_seed: int | None = None) -> Result:
    """Run ``source`` (a module defining the exercise's functions) ``runs``
    times in one sandboxed child, on the grader's objects
    (labs.practice.engine); return the Result. ``progress(done, total,
    label)`` (labs.show.progress's convention) hears of each run as it starts.
    ``schedule`` (a string as ``Result.schedule`` gives it): one run, in
    that schedule's mode, making exactly its choices (labs.practice.explore;
    BadSchedule if it cannot be read). ``seed``: the explorer's PCT seed.
    ``exhaust``: for an exercise the explorer drives, first every schedule
    with at most ``bound`` preemptions (default ``explore.BOUND``), up to
    ``exhaust`` of them (stopping at the first that fails); the ``runs`` PCT
    schedules only if that was not all (``Result.exploration_line()`` says
    which). ``order_seed``: the order of the runs' modes (and the check's
    other draws) is random, from this seed; when None, the answer's own
    (``engine.new_seed``: a keyed hash of the exercise and ``source``, so the
    same file runs in the same order on every grading with the same key);
    the result shows it, and the same seed replays the same order."""
    ex = exercises.get(exercise_id)
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be between 1 and {MAX_RUNS}, not {runs}")
    if not 0 <= exhaust <= MAX_EXHAUST:
        raise ValueError(f"exhaust must be between 0 and {MAX_EXHAUST}, not {exhaust}")
    if bound is not None and not 0 <= bound <= MAX_BOUND:
        raise ValueError(f"bound must be between 0 and {MAX_BOUND}, not {bound}")
    from labs.practice import engine
    if schedule is not None:
        from labs.practice.explore import Schedule
        schedule, runs = Schedule.parse(schedule, ex.schedule_modes), 1
    return engine.grade(ex, source, runs, python=python, progress=progress,
                        schedule=schedule, seed=seed, exhaust=exhaust, bound=bound,
                        order_seed=order_seed)
