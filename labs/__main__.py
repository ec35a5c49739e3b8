"""python -m labs: list the labs, run them in the sandbox, print the results.

  python -m labs list
  python -m labs run LAB [--variant NAME|all] [--deadline SECONDS] [--json]
  python -m labs demo [--figures DIR]
  python -m labs bench stop-latency [--json] [--stops N] [--idle SECONDS] [--figure PATH]
  python -m labs matrix [--json]

Bad input gets one line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from labs import bench, registry, report, sandbox
from labs.matrix import show as matrix_show


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not a usage block
        fail(message)


def fail(message: str):
    print(f"labs: error: {message}", file=sys.stderr)
    sys.exit(2)


def build_parser() -> Parser:
    p = Parser(prog="python -m labs", description="Stopping a Python thread by force, measured.")
    sub = p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    sub.add_parser("list", help="each lab, its hazard, its variants")
    run = sub.add_parser("run", help="run a lab's variants in the sandbox")
    run.add_argument("lab")
    run.add_argument("--variant", default="all", help="a variant name, or all (default)")
    run.add_argument("--deadline", help="seconds before a run counts as hung")
    run.add_argument("--json", action="store_true", help="print one JSON document")
    run.add_argument("--figures", metavar="DIR", help="write one timeline PNG per variant")
    run.add_argument("--python", help="interpreter for the child (default: this one)")
    demo = sub.add_parser("demo", help="every lab, every variant: a table and figures")
    demo.add_argument("--figures", metavar="DIR", default="build/figures")
    bench_cmd = sub.add_parser("bench", help="benchmarks (stop-latency)")
    bench_cmd.add_argument("name")
    bench.add_arguments(bench_cmd)
    matrix = sub.add_parser("matrix", help="every way to stop a thread, measured")
    matrix.add_argument("--json", action="store_true")
    return p


def variants_of(lab: registry.Lab, wanted: str) -> list[str]:
    if wanted == "all":
        return list(lab.variants)
    lab.variant(wanted)  # raises UnknownName
    return [wanted]


def cmd_list(args):
    columns = report.width()
    for lab in registry.all_labs():
        print(report.wrap(lab.hazard, indent=" " * 15, first=f"{lab.id:<14} ",
                          columns=columns))
        print(report.wrap("variants: " + ", ".join(lab.variants), indent=" " * 15,
                          columns=columns))


def cmd_run(args):
    lab = registry.get_lab(args.lab)
    names = variants_of(lab, args.variant)  # every argument is checked before any run
    deadline = None if args.deadline is None else sandbox.check_deadline(args.deadline)
    sandbox.check_python(args.python)
    outcomes = []
    for name in names:
        if not args.json:
            print(f"running {lab.id} / {name} ...", file=sys.stderr, flush=True)
        outcomes.append(sandbox.run(lab.id, name, deadline=deadline, python=args.python))
    if args.figures:
        report.save_figures(outcomes, Path(args.figures))
    if args.json:
        print(json.dumps([o.to_json() for o in outcomes], indent=2, default=str))
    else:
        print(report.table(outcomes))
        for o in outcomes:
            print(report.details(o))


def cmd_demo(args):
    figures = Path(args.figures)
    outcomes = []
    labs = registry.all_labs()
    total = sum(len(lab.variants) for lab in labs)
    for lab in labs:
        for name in lab.variants:
            print(f"[{len(outcomes) + 1}/{total}] {lab.id} / {name} ...", file=sys.stderr, flush=True)
            outcomes.append(sandbox.run(lab.id, name))
    paths = report.save_figures(outcomes, figures)
    print(report.table(outcomes))
    print(f"\n{len(paths)} timeline figures written under {figures}/")
    print()
    matrix_show.main()


def cmd_bench(args):
    benches = {"stop-latency": bench.run}
    if args.name not in benches:
        fail(f"unknown benchmark {args.name!r} (known: {', '.join(benches)})")
    benches[args.name](args)


def cmd_matrix(args):
    matrix_show.main(as_json=args.json)


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.command is None:
        fail("a command is needed: list, run, demo, bench or matrix (see --help)")
    try:
        {"list": cmd_list, "run": cmd_run, "demo": cmd_demo,
         "bench": cmd_bench, "matrix": cmd_matrix}[args.command](args)
    except (registry.UnknownName, sandbox.BadDeadline, sandbox.BadInterpreter,
            sandbox.Unsupported) as problem:
        fail(str(problem))
    except KeyboardInterrupt:
        print("labs: interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
