"""Practice: the learner writes the fix, and the sandbox grades it.

In a notebook::

    from labs.practice import check
    def consumer(tasks, stop, do): ...
    check("lost-task/consumer", consumer)      # pass/fail, checks, timeline, hint
    _.hint()                                   # the next, more concrete hint

From a terminal: ``python -m labs practice list|check|solution`` (labs.practice.cli).
"""
from __future__ import annotations

# Nothing is imported here: the graded child (labs.practice.jail) imports this
# package first, and must load neither the parent's side (tests/test_layout.py)
# nor the table of exercises (a third of its start-up time). check() imports
# what it needs when it runs.


class Problem:
    """An answer that could not run at all: one line, no traceback."""

    def __init__(self, exercise_id: str, message: str):
        self.exercise_id, self.message = exercise_id, message
        self.passed = False

    def __repr__(self) -> str:
        return f"FAIL {self.exercise_id}: {self.message}"

    def __bool__(self) -> bool:
        return False

    def hint(self) -> None:
        print("fix the problem above first, then run the check again")


def check(exercise_id: str, *functions, runs: int | None = None, python=None,
          schedule: str | None = None):
    """Grade the learner's ``functions`` (defined in a notebook cell) on
    exercise ``exercise_id``: ``runs`` repetitions (default
    ``exercises.DEFAULT_RUNS``) in one sandboxed child. Returns a Result
    (displayed as a table plus the timeline of the first failing run), or a
    Problem when the code cannot run at all. ``schedule`` (``MODE:LETTERS``,
    an exercise the explorer drives): one run, in which the letters choose
    which thread goes next (``result.steps()`` prints what each did)."""
    from labs.practice import exercises, ship

    ex = exercises.get(exercise_id)
    runs = exercises.DEFAULT_RUNS if runs is None else runs
    try:
        source = ship.from_functions(list(functions), ex.functions)
        ship.static_check(source, ex.functions, ex.signatures, modules=ex.modules)
    except ship.BadAnswer as bad:
        return Problem(ex.id, str(bad))
    if schedule is not None:
        from labs.practice.explore import BadSchedule, Schedule
        if not ex.explore_steps:
            return Problem(ex.id, "this exercise runs without the explorer: no schedule")
        try:
            Schedule.parse(schedule, ex.schedule_modes)
        except BadSchedule as bad:
            return Problem(ex.id, str(bad))
    from labs.practice.grade import grade
    from labs.show.progress import Progress

    with Progress(f"checking {ex.id}") as progress:  # a wrong answer may take seconds
        result = grade(ex.id, source, runs=runs, python=python, progress=progress,
                       schedule=schedule)
    if result.problem:
        return Problem(ex.id, result.problem)
    return result


def source_of(exercise_id: str, kind: str = "reference") -> str:
    """The reference solution's source (instructors)."""
    from labs.practice import exercises
    return exercises.get(exercise_id).reference().read_text()
