"""python -m labs: list the labs, run them in the sandbox, print the results.

  python -m labs list
  python -m labs run LAB [--variant NAME|all] [--deadline SECONDS] [--json]
  python -m labs demo [--figures DIR]
  python -m labs bench stop-latency [--json] [--stops N] [--idle SECONDS] [--figure PATH]
  python -m labs matrix [--json] [--python PATH]
  python -m labs practice list|check EXERCISE FILE.py|solution EXERCISE

Exit status: 0 when every run gave a verdict (whatever it was); 2 for bad
input (one line on stderr); 3 when a run ended before it reported the facts
its lab needs (an error outcome, e.g. a deadline too short); 130 when
interrupted (Ctrl-C, SIGTERM or SIGHUP: the running child is killed first).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
from pathlib import Path

from labs import sandbox
from labs.contract import registry
from labs.lessons.blocking_io import bench
from labs.lessons.kill_matrix import figures as matrix_show
from labs.show import tables


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not a usage block
        fail(message)


EXIT_BAD_INPUT = 2
EXIT_RUN_ERROR = 3
EXIT_INTERRUPTED = 130


def fail(message: str):
    print(f"labs: error: {message}", file=sys.stderr)
    sys.exit(EXIT_BAD_INPUT)


def writable_dir(path: str) -> Path:
    """A directory for figures, created now: a bad path fails before any run."""
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as why:
        fail(f"cannot create the figures directory {path!r}: {why.strerror}")
    if not os.access(directory, os.W_OK):
        fail(f"cannot write to the figures directory {path!r}")
    return directory


def interrupt_on_hangup_and_term() -> dict:
    """SIGTERM (``timeout``, CI cancelling) and SIGHUP (a closed terminal) act
    as Ctrl-C does: KeyboardInterrupt unwinds through the sandbox, which kills
    the running child's group on the way out. A signal the command was started
    ignoring stays ignored: ``nohup`` asks a program to survive its terminal.
    Returns the handlers replaced."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)
    return {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)
            if signal.getsignal(sig) is not signal.SIG_IGN}


def build_parser() -> Parser:
    p = Parser(prog="python -m labs", description="Stopping a Python thread by force, measured.")
    sub = p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    sub.add_parser("list", help="each lab, its hazard, its variants")
    run = sub.add_parser("run", help="run a lab's variants in the sandbox")
    run.add_argument("lab")
    run.add_argument("--variant", default="all", help="a variant name, or all (default)")
    run.add_argument("--deadline", help="seconds from the child's start before a run counts as hung")
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
    matrix.add_argument("--python", help="interpreter for the children (default: this one)")
    importlib.import_module("labs.practice.cli").add_parser(sub)
    return p


def variants_of(lab: registry.Lab, wanted: str) -> list[str]:
    if wanted == "all":
        return list(lab.variants)
    lab.variant(wanted)  # raises UnknownName
    return [wanted]


def cmd_list(args):
    columns = tables.width()
    for lab in registry.all_labs():
        print(tables.wrap(lab.hazard, indent=" " * 15, first=f"{lab.id:<14} ",
                          columns=columns))
        print(tables.wrap("variants: " + ", ".join(lab.variants), indent=" " * 15,
                          columns=columns))


def cmd_run(args):
    lab = registry.get_lab(args.lab)
    names = variants_of(lab, args.variant)  # every argument is checked before any run
    deadline = None if args.deadline is None else sandbox.check_deadline(args.deadline)
    sandbox.check_python(args.python)
    figures = writable_dir(args.figures) if args.figures else None
    outcomes = []
    for name in names:
        if not args.json:
            print(f"running {lab.id} / {name} ...", file=sys.stderr, flush=True)
        outcomes.append(sandbox.run(lab.id, name, deadline=deadline, python=args.python))
    if figures:
        tables.save_figures(outcomes, figures)
    if args.json:
        print(json.dumps([o.to_json() for o in outcomes], indent=2, default=str))
    else:
        print(tables.table(outcomes))
        for o in outcomes:
            print(tables.details(o))
    errors = [o for o in outcomes if o.error]
    if errors:
        print(f"labs: {len(errors)} of {len(outcomes)} runs ended as errors, with no verdict "
              f"(first: {errors[0].variant}: {errors[0].error.strip().splitlines()[-1]})",
              file=sys.stderr)
        return EXIT_RUN_ERROR
    return 0


def cmd_demo(args):
    figures = writable_dir(args.figures)
    outcomes = []
    labs = registry.all_labs()
    total = sum(len(lab.variants) for lab in labs)
    for lab in labs:
        for name in lab.variants:
            print(f"[{len(outcomes) + 1}/{total}] {lab.id} / {name} ...", file=sys.stderr, flush=True)
            outcomes.append(sandbox.run(lab.id, name))
    paths = tables.save_figures(outcomes, figures)
    print(tables.table(outcomes))
    print(f"\n{len(paths)} timeline figures written under {figures}/")
    print()
    matrix_show.main()


def cmd_bench(args):
    benches = {"stop-latency": bench.run}
    if args.name not in benches:
        fail(f"unknown benchmark {args.name!r} (known: {', '.join(benches)})")
    benches[args.name](args)


def cmd_matrix(args):
    python = sandbox.check_python(args.python)  # a bad one: one line, status 2, before any run
    matrix_show.main(as_json=args.json, python=python)


def _stdout_reader_gone() -> bool:
    """Is stdout a pipe whose reader has closed it? (poll says POLLERR.)"""
    import select
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(ev & select.POLLERR for _, ev in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.command is None:
        fail("a command is needed: list, run, demo, bench or matrix (see --help)")
    replaced = interrupt_on_hangup_and_term()
    try:
        status = {"list": cmd_list, "run": cmd_run, "demo": cmd_demo,
                  "bench": cmd_bench, "matrix": cmd_matrix,
                  "practice": lambda a: importlib.import_module("labs.practice.cli").main(a, fail),
                  }[args.command](args)
    except (registry.UnknownName, sandbox.BadDeadline, sandbox.BadInterpreter,
            sandbox.Unsupported) as problem:
        fail(str(problem))
    except BrokenPipeError:  # `python -m labs list | head`: the reader left, fine
        if not _stdout_reader_gone():  # a broken pipe of something else: a bug, not a pass
            raise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as how:
        why = f" by {how.args[0]}" if how.args else ""
        print(f"labs: interrupted{why}; the running child was stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        for sig, handler in replaced.items():
            signal.signal(sig, handler)
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
