"""What an exercise is, and the table of them.

An exercise module (``ex_<lab>.py``) defines ``EXERCISES``, a list of
``Exercise``. Each has, all in the grader's process:
- ``scenario(rep) -> facts``: one repetition, run by labs.practice.engine on
  the grader's own objects, forcing the interleaving of its ``rep.mode``;
  the learner's calls run in the sandbox's child (labs.practice.jail);
- ``checks``, each computing pass/fail and a measured text from one
  repetition's facts, with hints in layers.
Its reference solution and known-wrong answers are files under
``labs/practice/answers/`` (see ``answers()``).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from labs.contract.lab import UnknownName

MODULES = ("labs.practice.ex_lock_leak", "labs.practice.ex_lost_task",
           "labs.practice.ex_signal_target", "labs.practice.ex_blocking_io")
ANSWERS = Path(__file__).resolve().parent / "answers"
DEFAULT_RUNS = 10  # repetitions of a check


@dataclass(frozen=True)
class Check:
    name: str      # what is checked, e.g. "every task done exactly once"
    expect: str    # what a correct answer gives
    # facts of one repetition -> (passed, what was measured), or None when the
    # check does not apply to that repetition's mode.
    measure: Callable[[dict], tuple | None]
    hints: tuple = ()  # one sentence; more concrete; where the lab shows it
    # hints per cause, when one check fails for more than one reason:
    # ((text, hints), ...); a failure whose measured text contains ``text``
    # gets the hints of the first cause that matches (``()``: the check's own
    # ``hints``, for a cause listed before another its text may also hold);
    # any other failure gets ``hints``
    causes: tuple = ()
    # measured in a run cut off at its deadline too, and named first there: its
    # facts hold up to the cut, and its flaw is why the run did not finish
    # (shutdown's 2 s nap between two looks, cut at 3 s, was "never returned")
    in_cut_runs: bool = False

    def hints_for(self, measured: str) -> tuple:
        """The hints of the failure that measured ``measured``."""
        return next((h for text, h in self.causes if text in measured), ()) or self.hints


@dataclass(frozen=True)
class Exercise:
    id: str              # "lab-id/what", e.g. "lost-task/consumer"
    lab: str
    title: str
    statement: str       # markdown: what to write, and what the check does to it
    functions: tuple     # names of the learner's functions, in check() order
    signatures: tuple    # for each, the argument names the scenario passes
    skeleton: str        # the notebook's starting code (fails its check)
    modes: tuple         # the interleavings, cycled over the repetitions (in a random order)
    checks: tuple        # of Check, in the order they are shown
    lab_cell: str        # where the lab shows the pattern (the last hint)
    ended_hints: tuple = ()  # hints for "every thread ended", when it fails
    budget_s: float = 4.0    # one repetition, at most (the child's watchdog)
    # (rep) -> facts, in the grader (labs.practice.engine); the modules the
    # learner may import; hints for a forced moment that was never reached.
    scenario: Callable | None = None
    modules: tuple = ()
    moment_hints: tuple = ()
    # ((signal name, hints), ...): for a process the kernel reports killed by
    # that signal in a run where the check sent it (the fact ``signal_sent``):
    # the signal's default action, not a call of the learner's
    killed_hints: tuple = ()
    # PCT's estimate of a run's choice points (labs.practice.explore); 0: the
    # repetitions run without the explorer
    explore_steps: int = 0
    # the modes a bounded enumeration exhausts (grade(..., exhaust=N)), when not
    # ``modes``: a smaller scenario whose space is small enough to exhaust
    explore_modes: tuple = ()
    # ((later, earlier), ...): a run of mode ``later`` comes only after the
    # check's first run of mode ``earlier`` (it needs what that one measured);
    # otherwise the runs' modes come in a random order (engine.order)
    runs_after: tuple = ()
    # the errors of the check's objects the learner's code must let through to its
    # caller (safe-transfer's Frozen): never "an exception of its own"
    passes_on: tuple = ()
    # the scenario has fast-clock quiet periods (wire.Clock): the child's timed
    # Condition waits (Event.wait, threading.Timer) follow that clock too
    fast_clock: bool = False
    # the scenario pushes the learner's clocks (Rep.push_clock: a check-clock
    # thread in the child) though its waits stay real (fast_clock implies it)
    pushed_clock: bool = False
    # the scenario has runs that watch for a pause between a look at the stop and
    # the next transfer or take (pauses.StopAtPause; its runs with a run_nap): the
    # learner's own timed waits are told there (the child's own locks and
    # SimpleQueues made so that each timed wait on them is)
    pause_runs: bool = False

    @property
    def schedule_modes(self) -> tuple:
        """Every mode a schedule may name: ``modes`` and ``explore_modes``."""
        return self.modes + tuple(m for m in self.explore_modes if m not in self.modes)

    @property
    def time_limit(self) -> str:
        """The sentence that says how long a run may take (``budget_s``, the
        child's watchdog: the run then fails, "did not finish within")."""
        return (f"Each run gives your code {self.budget_s:g} s; the time the check holds "
                "your calls (its quiet periods too) and the time your threads wait for a CPU "
                "on a loaded machine are not counted, up to a cap. A run that takes longer "
                "fails: keep every wait between two looks well under a second. Join every "
                "thread your code starts (or see it end: `is_alive()` False) before you "
                "return: one never looked at is kept to the end of the run, and counts as "
                "left running.")

    @property
    def imports(self) -> str:
        """The sentence that says which imports the check allows (``modules``:
        the policy refuses any other, in one line, before the code runs)."""
        return ("Imports the check allows: " + ", ".join(f"`{m}`" for m in sorted(self.modules))
                + "; any other is refused before your code runs.")

    @property
    def slug(self) -> str:
        return self.id.replace("/", "__").replace("-", "_")

    def reference(self) -> Path:
        return ANSWERS / f"{self.slug}.py"

    def wrong_answers(self) -> list[Path]:
        return sorted(ANSWERS.glob(f"{self.slug}__wrong_*.py"))

    def right_answers(self) -> list[Path]:
        """The reference and the other correct answers (``__right_<style>.py``)."""
        return [self.reference()] + sorted(ANSWERS.glob(f"{self.slug}__right_*.py"))

    def cheats(self) -> list[Path]:
        """Answers that try to pass without solving (``__cheat_<how>.py``):
        each starts with ``# expect: TEXT`` too, and must never pass."""
        return sorted(ANSWERS.glob(f"{self.slug}__cheat_*.py"))


def expected_message(path: Path) -> str:
    """A known-wrong answer's first line: ``# expect: TEXT``, the text its
    feedback must contain."""
    first = path.read_text().splitlines()[0]
    if not first.startswith("# expect: "):
        raise ValueError(f"{path.name}: first line must be '# expect: ...'")
    return first[len("# expect: "):]


_TABLE: dict[str, Exercise] = {}


def all_exercises() -> list[Exercise]:
    if not _TABLE:
        # built whole, then filled in one step: two threads that grade at once
        # (classroom's pool) each see it empty or complete, never half filled
        table = {ex.id: ex for module in MODULES
                 for ex in importlib.import_module(module).EXERCISES}
        _TABLE.update(table)
    return list(_TABLE.values())


def get(exercise_id: str) -> Exercise:
    all_exercises()
    try:
        return _TABLE[exercise_id]
    except KeyError:
        raise UnknownName(f"unknown exercise {exercise_id!r} (known: "
                          f"{', '.join(_TABLE)})") from None


# ---------------------------------------------------------------- helpers for checks

def ms(seconds: float | None) -> str:
    return "never" if seconds is None else f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    """A wait's length in seconds, as a message says it: to the millisecond
    (a sliced wait of the learner's own is sent with what was left of it:
    ``wait(2)`` came as 1.99999, thirty-first session's fresh-clone make test)."""
    return f"{round(seconds, 3):g}"


def ended_before_return(call: str):
    """A check's measure on the facts ``alive_at_return`` and ``unseen``:
    every thread had ended when ``call`` returned, and the learner's code saw
    it end (an untimed ``join()``, or ``is_alive()`` False), not by chance."""
    def measure(f):
        alive, unseen = f["alive_at_return"], f["unseen"]
        if alive:
            return False, f"{names(alive)} still running when {call} returned"
        if unseen:  # ended by chance: the call would have returned all the same
            return False, (f"{names(unseen)} not seen ending before {call} returned (only "
                           "`join()` without a timeout, or `is_alive()` False, shows it)")
        return True, "all had ended"
    return measure


def names(items) -> str:
    items = list(items)
    return ", ".join(map(str, items[:6])) + (" ..." if len(items) > 6 else "")
