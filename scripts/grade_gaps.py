"""Grade every file of tests/gaps/ once: is each gap still open?

  python scripts/grade_gaps.py [--runs 10] [--python PATH]

A gap is a wrong answer the grader still passes (tests/gaps/README.md). Each
file is graded with the exercise its name starts with (``LESSON__EXERCISE__``);
a file that fails now is printed as a candidate to move to
labs/practice/answers/ as a known wrong answer (its message first), once
scripts/repeat_practice.py shows it fails on every grading. Exit status 0 when
every gap is still open, 1 when some file failed, 2 on bad input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from labs.practice import exercises, grade

GAPS = Path(__file__).resolve().parent.parent / "tests" / "gaps"


def exercise_of(path: Path):
    """The exercise whose slug starts the file's name, or None."""
    for ex in exercises.all_exercises():
        if path.name.startswith(ex.slug + "__"):
            return ex
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=grade.DEFAULT_RUNS)
    parser.add_argument("--python", default=None)
    args = parser.parse_args()
    if not 1 <= args.runs <= grade.MAX_RUNS:
        print(f"grade_gaps: --runs must be between 1 and {grade.MAX_RUNS}", file=sys.stderr)
        return 2
    files = sorted(GAPS.glob("*.py"))
    closed = 0
    for path in files:
        ex = exercise_of(path)
        if ex is None:
            print(f"??      {path.name}: no exercise's slug starts its name")
            closed += 1
            continue
        r = grade.grade(ex.id, path.read_text(), runs=args.runs, python=args.python)
        if r.passed:
            print(f"open    {path.name}")
        else:
            closed += 1
            first = (r.failures() or [r.text().splitlines()[0]])[0]
            print(f"CLOSED? {path.name}: {first}")
    print(f"{len(files) - closed} of {len(files)} gaps still open")
    return 1 if closed else 0


if __name__ == "__main__":
    sys.exit(main())
