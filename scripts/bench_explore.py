"""Schedules per second of every exercise the explorer drives, the size of
each bounded space, and how soon each known race fails.

  python scripts/bench_explore.py [--schedules N] [--seeds S] [--exhaust L] [--python PATH]

For each exercise with ``explore_steps`` (labs.practice.explore): one check
of its reference solution with N PCT schedules (one per repetition, in one
sandboxed child): the time, schedules per second, the choice points per
schedule. Then (``--exhaust L``, 0 to skip) its reference's bounded space:
every schedule with at most explore.BOUND preemptions (fewest first, in the
exercise's explore_modes if it has them), up to L of them: the size of each
mode's space, the time, schedules per second, and whether that fits a
check's 3 s. Then, for each of the exercise's race
answers (RACES below), S gradings with seeds 0..S-1: the run (schedule) at
which each first failed; and with --exhaust, the schedule of the
enumeration at which it failed. Not a timed test.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from labs.practice import exercises, grade

# answers whose failure depends on the interleaving, or is about one (issue 18)
RACES = {
    "lock-leak/safe-transfer": ("wrong_no_lock", "wrong_own_lock", "wrong_debit_outside",
                                "wrong_split_lock"),
    "lost-task/consumer": ("wrong_check_then_act", "wrong_done_before_work"),
}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--schedules", type=int, default=100)
    p.add_argument("--seeds", type=int, default=5)
    p.add_argument("--exhaust", type=int, default=3000)
    p.add_argument("--python")
    args = p.parse_args(argv)
    for ex in exercises.all_exercises():
        if not ex.explore_steps:
            continue
        started = time.perf_counter()
        r = grade.grade(ex.id, ex.reference().read_text(), runs=args.schedules,
                        python=args.python)
        took = time.perf_counter() - started
        choices = [run.explored["choices"] for run in r.runs if run.explored]
        print(f"{ex.id}: reference {r.runs_passed}/{args.schedules} passed, {took:.2f} s, "
              f"{args.schedules / took:.0f} schedules/s, choices per schedule "
              f"{min(choices)}-{max(choices)} (median {statistics.median(choices):g})")
        if args.exhaust:
            started = time.perf_counter()
            r = grade.grade(ex.id, ex.reference().read_text(), python=args.python,
                            exhaust=args.exhaust)
            took = time.perf_counter() - started
            x = r.exploration
            print(f"  bounded space (at most {x['bound']} preemptions): "
                  + ", ".join(f"{m} {n}" for m, n in x["sizes"].items())
                  + (" (all)" if x["exhausted"] else f" (stopped at {args.exhaust})")
                  + f"; {len(r.runs)} schedules in {took:.1f} s, {len(r.runs) / took:.0f} "
                  f"schedules/s; fits a 3 s check: {'yes' if took <= 3 else 'no'}; "
                  f"diverged {x['diverged']}; reference {'passed' if r.passed else 'FAILED'}")
        for race in RACES.get(ex.id, ()):
            path = exercises.ANSWERS / f"{ex.slug}__{race}.py"
            firsts = []
            for seed in range(args.seeds):
                r = grade.grade(ex.id, path.read_text(), runs=args.schedules,
                                python=args.python, seed=seed)
                bad = r.first_failing()
                firsts.append(bad.n if bad is not None else None)
            line = (f"  {race:<28} first failing schedule, seeds 0-{args.seeds - 1}: "
                    + " ".join("-" if f is None else str(f) for f in firsts))
            if args.exhaust:
                r = grade.grade(ex.id, path.read_text(), python=args.python,
                                exhaust=args.exhaust)
                bad = r.first_failing()
                line += (f"; enumeration: schedule {bad.n} ({bad.schedule})" if bad is not None
                         else "; enumeration: no failure")
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
