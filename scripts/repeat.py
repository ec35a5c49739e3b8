"""Run every lab variant many times and check that its facts never change.

  python scripts/repeat.py [--lab ID ...] [--runs 20] [--load] [--python PATH]

For each variant, a run's signature is: hazard seen or not, how it ended (exit
code, signal, hung), the skip reason, and every fact that is not volatile
(timings and ids). The script prints how many runs share the most common
signature, and the odd ones out (-v: the facts themselves), and flags a bad
variant that did not show its hazard or a fixed one that did. --load keeps every core busy with spinning
processes for the whole check (they are this script's children and end with
it). Exit status: 0 when every variant gave identical runs, 1 otherwise.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import subprocess
import sys

from labs import sandbox
from labs.contract import registry
from labs.contract.lab import expected_hazard

SPIN = "import time\nend = time.monotonic() + 3600\nwhile time.monotonic() < end: pass\n"


def signature(lab, outcome) -> str:
    stable = {k: v for k, v in outcome.facts.items() if not lab.is_volatile(k)}
    ex = outcome.exit
    return json.dumps({"hazard": outcome.hazard_observed, "skipped": outcome.skipped,
                       "exit": [ex["code"], ex["signal"], ex["timed_out"]],
                       "error": (outcome.error or "").splitlines()[-1:],
                       "facts": stable}, sort_keys=True, default=str)


@contextlib.contextmanager
def loaded(on: bool = True):
    """Every core kept busy by a spinning process while the block runs (none
    when not ``on``); yields the processes. The one home of ``--load`` for the
    maintainers' scripts (repeat_practice.py and ctrl_c_race.py use it too)."""
    procs = [subprocess.Popen([sys.executable, "-c", SPIN], start_new_session=True)
             for _ in range(os.cpu_count() or 2)] if on else []
    try:
        yield procs
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


def check(lab, variant, runs, python, deadline, verbose=False) -> bool:
    seen = collections.Counter()
    for i in range(runs):
        outcome = sandbox.run(lab.id, variant, deadline=deadline, python=python)
        seen[signature(lab, outcome)] += 1
        print(f"\r  {lab.id} / {variant}: run {i + 1}/{runs}", end="", file=sys.stderr, flush=True)
    print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    common, count = seen.most_common(1)[0]
    hazard = json.loads(common)["hazard"]
    verdict = "skipped" if hazard is None else ("hazard SEEN" if hazard else "no hazard")
    # Identical is not enough: a bad variant must show its hazard, a fixed one must not
    # (hidden labs such as the matrix name their variants otherwise and are not checked).
    expected = expected_hazard(variant)
    wrong = hazard is not None and expected is not None and hazard is not expected
    print(f"{lab.id:<14} {variant:<22} {count}/{runs} identical ({verdict})"
          + ("  UNEXPECTED: a bad variant must show its hazard, a fixed one must not" if wrong else ""))
    if verbose:
        print(f"    facts: {json.dumps(json.loads(common)['facts'], sort_keys=True)}")
    for sig, n in seen.most_common()[1:]:
        print(f"    {n} run(s) differed: {sig}")
    return count == runs and not wrong


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lab", action="append", help="a lab id (default: every lab)")
    p.add_argument("--variant", help="one variant (default: all)")
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--load", action="store_true", help="keep every core busy meanwhile")
    p.add_argument("--python", help="interpreter for the children")
    p.add_argument("--deadline", type=float, help="override each lab's deadline")
    p.add_argument("-v", "--verbose", action="store_true", help="print each variant's facts")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    try:
        labs = [registry.get_lab(i) for i in args.lab] if args.lab else registry.all_labs()
        for lab in labs:
            if args.variant:
                lab.variant(args.variant)
        if args.deadline is not None:
            sandbox.check_deadline(args.deadline)
        python = sandbox.check_python(args.python)
    except (registry.UnknownName, sandbox.BadDeadline, sandbox.BadInterpreter) as problem:
        print(f"repeat: error: {problem}", file=sys.stderr)
        return 2
    version = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True).stdout.strip()
    with loaded(args.load) as load:
        print(f"Python {version}, {args.runs} runs per variant"
              + (f", {len(load)} spinning processes loading the cores" if load else ""))
        results = [check(lab, v, args.runs, python, args.deadline, args.verbose)
                   for lab in labs for v in ([args.variant] if args.variant else lab.variants)]
    print(f"{sum(results)} of {len(results)} variants identical over {args.runs} runs"
          " and with the expected verdict")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
