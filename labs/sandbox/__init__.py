"""The parent's supervisor: run a lab variant in a sandboxed child, get an Outcome.

    from labs import sandbox
    outcome = sandbox.run("lock-leak", "bad")   # an Outcome (labs.contract.outcome)
    outcome.verdict, outcome.facts, outcome.where_stuck()
    outcomes = sandbox.run_many("handed-off", ["bad-exit", "fixed-join"])  # with progress

``supervise`` spawns and watches the child (the deadline, the stack dump, the
group kill); ``verdict`` turns what the child left into an Outcome and asks
the lab's judge.
"""
from labs.contract.outcome import LABS_DIR, PROJECT_ROOT, Facts, MissingFact, Outcome, Verdict  # noqa: F401
from labs.sandbox.supervise import (  # noqa: F401
                                   BadDeadline,
                                   BadInterpreter,
                                   Child,
                                   Unsupported,
                                   check_deadline,
                                   check_python,
                                   child_argv,
                                   run,
                                   run_many,
                                   running,
)
