"""How long a sandboxed child takes to start, beside a bare interpreter.

  python scripts/child_start.py [--runs 30] [--python PATH]

Prints the median and the 90th percentile, in one run, side by side, of:
- ``python -c pass``: a bare interpreter start (the floor), and
  ``python -S -c pass``, one without ``site`` (the floor of a child that
  skips it: its second ratio column says how much the child adds to it);
- ``python -m labs.child selftest exit``: a lab child's own start (``-S``,
  as every lab's but a few matrix rows', ``Lab.site``): the interpreter, the
  child module, its watchdog and signal reset, a lab module, a variant that
  returns at once;
- the kill matrix child's imports (``-S``, as its thread and process rows
  start; its stopit, func-timeout and pebble rows keep ``site``);
- ``sandbox.run("selftest", "exit")``: the whole round trip as a lab sees it
  (the child, plus the parent's pipes, deadline watch and group clean-up);
- the practice child's imports (``labs.child.runtime`` and ``labs.practice.child``,
  what a graded child loads before the learner's code), with ``-S`` as that
  child starts (``Lab.site``) and a whole check of
  one repetition (``grade``, the reference of lock-leak/stop-worker): the
  grader's own work included, so it is no start-up figure, but the price of
  a check.
The goal (issue 16): every kind of child within 1.3x of the bare start.
Runs alternate, so a noisy neighbour slows them all alike. The children run
with PYTHONDONTWRITEBYTECODE unset, as make runs everything: with it set, no
child finds the package's compiled modules and each compiles them again (the
Makefile says what that costs).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from labs import sandbox
from labs.contract import registry
from labs.practice import exercises, grade
from labs.show.progress import Progress

ROOT = Path(__file__).resolve().parent.parent

GOAL = 1.3
EXERCISE = "lock-leak/stop-worker"
CHILDREN = ("sandbox child (python -m labs.child)", "sandbox.run round trip",
            "matrix child's imports (-S)", "practice child's imports (-S)")


def timed(fn) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--python", default=sys.executable)
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # sandbox.run's children too
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    reference = exercises.get(EXERCISE).reference().read_text()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": ROOT}
    kinds = {
        "bare interpreter (python -c pass)":
            lambda: subprocess.run([args.python, "-c", "pass"], check=True, **quiet),
        "bare interpreter without site (-S)":
            lambda: subprocess.run([args.python, "-S", "-c", "pass"], check=True, **quiet),
        CHILDREN[0]:
            lambda: subprocess.run(sandbox.child_argv(args.python, registry.get_lab("selftest"),
                                                      "exit"),
                                   check=True, **quiet),
        CHILDREN[1]:
            lambda: sandbox.run("selftest", "exit", python=args.python),
        CHILDREN[2]:
            lambda: subprocess.run([args.python, "-S", "-c", "import labs.child.runtime, "
                                    "labs.lessons.kill_matrix.scene"], check=True, **quiet),
        CHILDREN[3]:
            lambda: subprocess.run([args.python, "-S", "-c", "import labs.child.runtime, "
                                    "labs.practice.child"], check=True, **quiet),
        "a check of 1 repetition (grade)":
            lambda: grade.grade(EXERCISE, reference, runs=1, python=args.python),
    }
    times = {k: [] for k in kinds}
    with Progress("child start") as progress:  # a terminal only: a log stays clean
        for i in range(args.runs):
            for name, fn in kinds.items():
                times[name].append(timed(fn))
            progress(i + 1, args.runs)
    floor = statistics.median(times["bare interpreter (python -c pass)"])
    no_site = statistics.median(times["bare interpreter without site (-S)"])
    print(f"{'':38} {'median':>9} {'p90':>9} {'x bare':>7} {'x -S':>7}   ({args.runs} runs "
          f"each, {os.cpu_count()} cores, Python {sys.version.split()[0]})")
    for name, ts in times.items():
        med = statistics.median(ts)
        p90 = sorted(ts)[int(0.9 * (len(ts) - 1))]
        print(f"{name:38} {med * 1000:7.1f}ms {p90 * 1000:7.1f}ms {med / floor:6.2f}x "
              f"{med / no_site:6.2f}x")
    for name in CHILDREN:
        ratio = statistics.median(times[name]) / floor
        print(f"goal: {name} within {GOAL}x of a bare start: "
              f"{'met' if ratio <= GOAL else 'NOT met'} ({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
