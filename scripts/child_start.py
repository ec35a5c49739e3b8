"""How long a sandboxed child takes to start, beside a bare interpreter.

  python scripts/child_start.py [--runs 30] [--python PATH]

Prints the median and the 90th percentile, in one run, side by side, of:
- ``python -c pass``: a bare interpreter start (the floor);
- ``python -m labs.child selftest exit``: the child's own start: the
  interpreter, the child module, its watchdog and signal reset, a lab module,
  a variant that returns at once;
- ``sandbox.run("selftest", "exit")``: the whole round trip as a lab sees it
  (the child, plus the parent's pipes, deadline watch and group clean-up).
The goal (issue 9): the child's own start within 1.5x of the bare start.
Runs alternate, so a noisy neighbour slows all three alike.
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

ROOT = Path(__file__).resolve().parent.parent

GOAL = 1.5


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
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": ROOT}
    kinds = {
        "bare interpreter (python -c pass)":
            lambda: subprocess.run([args.python, "-c", "pass"], check=True, **quiet),
        "sandbox child (python -m labs.child)":
            lambda: subprocess.run([args.python, "-m", "labs.child", "selftest", "exit"],
                                   check=True, **quiet),
        "sandbox.run round trip":
            lambda: sandbox.run("selftest", "exit", python=args.python),
    }
    times = {k: [] for k in kinds}
    for i in range(args.runs):
        for name, fn in kinds.items():
            times[name].append(timed(fn))
        print(f"\r{i + 1}/{args.runs}", end="", file=sys.stderr, flush=True)
    print("\r", end="", file=sys.stderr)
    floor = statistics.median(times["bare interpreter (python -c pass)"])
    print(f"{'':38} {'median':>9} {'p90':>9} {'x bare':>7}   ({args.runs} runs each, "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]})")
    for name, ts in times.items():
        med = statistics.median(ts)
        p90 = sorted(ts)[int(0.9 * (len(ts) - 1))]
        print(f"{name:38} {med * 1000:7.1f}ms {p90 * 1000:7.1f}ms {med / floor:6.2f}x")
    ratio = statistics.median(times["sandbox child (python -m labs.child)"]) / floor
    print(f"goal: the child's own start within {GOAL}x of a bare start: "
          f"{'met' if ratio <= GOAL else 'NOT met'} ({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
