"""Grade every known answer of the exercises many times: same verdict every time?

  python scripts/repeat_practice.py [--exercise ID ...] [--gradings 20] [--runs 10]
                                    [--load] [--jobs N] [--python PATH]
                                    [--kind right,wrong,cheat]

For each exercise, every known answer under labs/practice/answers/ (the
reference and ``__right_*``: must pass; ``__wrong_*`` and ``__cheat_*``: must
fail with the message on their first line) is graded ``--gradings`` times.
A grading's signature is its verdict, the names of the checks that failed and
what ended it early; the script prints how many gradings share the most common
signature and flags an answer whose verdict is not the expected one or changes.
--load keeps every core busy meanwhile; --jobs N grades N answers at a time,
each in a process of its own, as ``labs.practice.classroom`` grades a class
(a grading mostly waits on its child: on 2 cores, --jobs 4 keeps both busy
too; until the thirty-fourth session they shared one process, and so one
GIL: a grader's thread that woke at a timeout waited for another grading's,
time no CPU count excuses). Each grading draws its own order of the runs (a
random ``order_seed``), where the grader keeps one order per file and key
(engine.new_seed): a known answer must get its verdict in every order. Exit status 0 when every answer
got its expected verdict on every grading.
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures
import multiprocessing
import random
import re
import sys
import time

from repeat import loaded  # a sibling script: python puts scripts/ on sys.path

from labs.practice import engine, exercises, grade
from labs.practice.exercises import expected_message


def signature(r) -> str:
    # a check that ended early: what the result names (the runs that ran before
    # the one that ended it depend on their order, which is random: engine.order);
    # the time the grader held the calls of a run that did not finish is a
    # timing ("+2.0 s" or "+2.1 s" on a loaded machine), not part of the verdict;
    # the number of the run that ended the check depends on the order of the
    # runs, which is random (engine.order): "run N"
    failed = sorted({re.sub(r"\brun \d+\b", "run N",
                            re.sub(r" \(\+[\d.]+ s the grader held your calls\)", "",
                                   line.split(":")[0]))
                     for line in (r.named() if r.ended is not None else r.failures())})
    return f"{'PASS' if r.passed else 'FAIL'} {failed}"


def answers(ex, kinds):
    out = []
    if "right" in kinds:
        out += [(p, None) for p in ex.right_answers()]
    if "wrong" in kinds:
        out += [(p, expected_message(p)) for p in ex.wrong_answers()]
    if "cheat" in kinds:
        out += [(p, expected_message(p)) for p in ex.cheats()]
    return out


def repeat(ex_id, path, want, args) -> tuple[bool, list[str]]:
    """Grade one answer ``args.gradings`` times: (as expected every time and
    identical, the lines to print)."""
    ex = exercises.get(ex_id)
    seen, wrong, last = collections.Counter(), 0, ""
    started = time.perf_counter()
    for _ in range(args.gradings):
        r = grade.grade(ex.id, path.read_text(), runs=args.runs, python=args.python,
                        order_seed=random.SystemRandom().randrange(1, engine.SEED_MAX))
        seen[signature(r)] += 1
        if want is None:
            unexpected = not r.passed
        else:
            unexpected = r.passed or not any(want in x for x in r.failures())
        wrong += unexpected
        if unexpected and not last:  # the first grading that was not as expected
            last = r.summary() + "".join(f"\n        {x}" for x in r.failures())
    took = (time.perf_counter() - started) / args.gradings
    common, count = seen.most_common(1)[0]
    ok = not wrong and count == args.gradings
    lines = [f"{'ok ' if ok else 'BAD'} {path.stem:<58} {count}/{args.gradings} "
             f"identical, {args.gradings - wrong}/{args.gradings} as expected, "
             f"{took:.2f} s per grading"]
    if not ok:
        lines += [f"      {k} x {sig}" for sig, k in seen.most_common()]
        if wrong:
            lines.append(f"      first not as expected: {last}")
    return ok, lines


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--exercise", action="append")
    p.add_argument("--gradings", type=int, default=20)
    p.add_argument("--runs", type=int, default=grade.DEFAULT_RUNS)
    p.add_argument("--load", action="store_true")
    p.add_argument("--jobs", type=int, default=1,
                   help="answers graded at a time (each one's gradings stay in turn)")
    p.add_argument("--python")
    p.add_argument("--kind", default="right,wrong,cheat")
    args = p.parse_args(argv)
    if args.gradings < 1 or args.runs < 1 or args.jobs < 1:
        p.error("--gradings, --runs and --jobs must be at least 1")
    exs = [exercises.get(i) for i in args.exercise] if args.exercise else exercises.all_exercises()
    todo = [(ex.id, path, want) for ex in exs for path, want in answers(ex, args.kind.split(","))]
    if not todo:
        print("no known answer of that kind", flush=True)
        return 2
    bad = 0
    spawn = multiprocessing.get_context("spawn")  # (no fork of a process with threads)
    with loaded(args.load), concurrent.futures.ProcessPoolExecutor(args.jobs,
                                                                   mp_context=spawn) as pool:
        for ok, lines in pool.map(repeat, *zip(*todo), [args] * len(todo)):  # printed in order
            bad += not ok
            print("\n".join(lines), flush=True)
    print(f"{len(todo) - bad} of {len(todo)} answers as expected on every grading", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
