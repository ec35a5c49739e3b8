"""python -m labs practice: grade answers from a terminal or a classroom's CI.

  python -m labs practice list
  python -m labs practice show EXERCISE      (the statement, the imports allowed, a skeleton)
  python -m labs practice check EXERCISE FILE.py [--runs N] [--json] [--python PATH]
                                [--schedule MODE:LETTERS]   (labs.practice.explore)
                                [--exhaust N [--bound N]] [--order-seed N]
  python -m labs practice solution EXERCISE
  python -m labs practice grade SUBMISSIONS [--exercise ID ...] [--out DIR] [--runs N]
                                [--format gradescope] [--jobs N]   (labs.practice.classroom)

Exit status: 0 pass; 1 fail (the code ran and a check failed, a hang or a
crash included); 2 bad input (one line on stderr).
"""
from __future__ import annotations

import json
import sys

from labs.practice import exercises, grade, ship


def add_parser(sub) -> None:
    p = sub.add_parser("practice", help="graded exercises: list, check FILE, solution")
    cmds = p.add_subparsers(dest="practice_command", parser_class=type(p), metavar="ACTION")
    cmds.add_parser("list", help="every exercise")
    w = cmds.add_parser("show", help="an exercise's statement, the imports it allows and a "
                                     "skeleton to start from")
    w.add_argument("exercise")
    c = cmds.add_parser("check", help="grade a file's answer")
    c.add_argument("exercise")
    c.add_argument("file")
    c.add_argument("--runs", type=int, default=grade.DEFAULT_RUNS)
    c.add_argument("--json", action="store_true")
    c.add_argument("--python", help="interpreter for the child (default: this one)")
    c.add_argument("--schedule", help="replay one run's schedule, as a failing result "
                                      "prints it (MODE:LETTERS)")
    c.add_argument("--exhaust", type=int, default=0, metavar="N",
                   help="first every schedule with at most --bound preemptions, up to N "
                        "(then the --runs PCT schedules if that was not all)")
    c.add_argument("--bound", type=int, metavar="N",
                   help="preemptions per schedule for --exhaust (default 2)")
    c.add_argument("--order-seed", type=int, metavar="N",
                   help="the seed of the runs' order, as a result shows it (replays a grading; "
                        "default: the file's own, from its code and this machine's key, "
                        "$LABS_ORDER_KEY or ~/.config/thread-kill-labs/order-key)")
    s = cmds.add_parser("solution", help="print the reference solution (instructors)")
    s.add_argument("exercise")
    from labs.practice import classroom
    classroom.add_arguments(cmds.add_parser(
        "grade", help="grade a class: one .py file, folder or notebook per learner"))


def main(args, fail) -> None:
    """Run the action; ``fail(message)`` prints one line and exits 2."""
    if args.practice_command is None:
        fail("practice needs an action: list, show, check, solution or grade")
    if args.practice_command == "grade":
        from labs.practice import classroom
        sys.exit(classroom.main(args, fail))
    if args.practice_command == "list":
        for ex in exercises.all_exercises():
            print(f"{ex.id:<30} {ex.title}")
        return
    ex = exercises.get(args.exercise)
    if args.practice_command == "show":
        # what the notebook's exercise cell says, for a learner at a terminal
        print(f"{ex.id}: {ex.title}\n\n{ex.statement}\n\n{ex.imports}\n\n"
              f"A skeleton (it fails its check):\n\n{ex.skeleton.rstrip()}\n\n"
              f"Check it: python -m labs practice check {ex.id} FILE.py")
        return
    if args.practice_command == "solution":
        print(ex.reference().read_text(), end="")
        return
    if not 1 <= args.runs <= grade.MAX_RUNS:
        fail(f"--runs must be between 1 and {grade.MAX_RUNS}, not {args.runs}")
    try:
        source = ship.from_file(args.file)
        ship.static_check(source, ex.functions, ex.signatures, filename=args.file,
                          modules=ex.modules)
    except ship.BadAnswer as bad:
        fail(str(bad))
    if not 0 <= args.exhaust <= grade.MAX_EXHAUST:
        fail(f"--exhaust must be between 0 and {grade.MAX_EXHAUST}, not {args.exhaust}")
    if args.bound is not None and not 0 <= args.bound <= grade.MAX_BOUND:
        fail(f"--bound must be between 0 and {grade.MAX_BOUND}, not {args.bound}")
    if args.bound is not None and not args.exhaust:
        fail("--bound limits --exhaust's enumeration: give --exhaust N too")
    if args.exhaust and args.schedule is not None:
        fail("--exhaust and --schedule: one or the other (a schedule is one run)")
    if args.exhaust and not ex.explore_steps:
        fail(f"--exhaust: {ex.id} runs without the explorer (no schedules)")
    if args.schedule is not None:
        from labs.practice.explore import BadSchedule, Schedule
        try:
            Schedule.parse(args.schedule, ex.schedule_modes)
        except BadSchedule as bad:
            fail(f"--schedule: {bad}")
        if not ex.explore_steps:
            fail(f"--schedule: {ex.id} runs without the explorer (no schedules)")
    if args.order_seed is not None and not 0 <= args.order_seed < 2 ** 63:
        fail(f"--order-seed must be between 0 and 2**63 - 1, not {args.order_seed}")
    result = grade.grade(ex.id, source, runs=args.runs, python=args.python,
                         schedule=args.schedule, exhaust=args.exhaust, bound=args.bound,
                         order_seed=args.order_seed)
    if result.bad_input:
        fail(f"{args.file}: {result.problem}")
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
    else:
        print(result.text())
        if result.schedule_line():
            print("\n" + result.schedule_line())
            if not result.passed:
                print(f"replay: python -m labs practice check {ex.id} {args.file} "
                      f"--schedule {result.schedule}")
        if not result.passed:
            print("\nhints, from general to concrete:")
            for i, layer in enumerate(result.hints(), 1):
                print(f"  {i}. {layer}")
    sys.exit(0 if result.passed else 1)
