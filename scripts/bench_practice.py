"""Time per check and per run of every exercise's reference solution.

  python scripts/bench_practice.py [--runs N] [--python PATH]

Each check runs its N repetitions inside ONE sandboxed child (one interpreter
start per check, not per run), so a check costs about one interpreter start
plus N short repetitions. Prints one line per exercise. Not a timed test.
"""
from __future__ import annotations

import argparse
import sys
import time

from labs.practice import exercises, grade


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=grade.DEFAULT_RUNS)
    p.add_argument("--python")
    args = p.parse_args(argv)
    print(f"{'exercise':<30} {'passed':>7} {'check s':>8} {'per run ms':>11} {'child s':>8}")
    for ex in exercises.all_exercises():
        started = time.perf_counter()
        r = grade.grade(ex.id, ex.reference().read_text(), runs=args.runs, python=args.python)
        took = time.perf_counter() - started
        print(f"{ex.id:<30} {r.runs_passed:>3}/{args.runs:<3} {took:>8.2f} "
              f"{1000 * took / args.runs:>11.1f} {r.outcome.child_elapsed_s or 0:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
