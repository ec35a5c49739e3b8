"""The sandbox's own lab: one variant for each way a child run can end.

Not listed by ``python -m labs list``; ``python -m labs run selftest`` runs it.
tests/test_sandbox.py checks the Outcome of each.
"""
from __future__ import annotations

import os
import signal
import sys
import threading

from labs.child import record
from labs.contract.lab import Lab


def exit_normally():
    record.state("working")
    record.facts(answer=42)
    record.state("done")


def raise_error():
    record.facts(before_error=True)
    raise RuntimeError("an exception in the child")


def die_by_signal():
    record.facts(before_signal=True)  # must reach the parent although we die
    os.kill(os.getpid(), signal.SIGTERM)
    threading.Event().wait()  # not reached: SIGTERM's default action ends us


def hang():
    blocked = threading.Event()
    never = threading.Event()

    def stuck():
        record.state("blocked")
        blocked.set()
        never.wait()

    t = threading.Thread(target=stuck, name="stuck-worker")
    t.start()
    blocked.wait()
    record.facts(started=True)
    t.join()


def hang_at_exit():
    """The variant returns, but a non-daemon thread keeps the interpreter from
    exiting: the hang is in interpreter shutdown, which the sandbox also sees."""
    never = threading.Event()
    threading.Thread(target=never.wait, name="keeps-process-alive").start()
    record.facts(returned=True)


def slow_exit():
    """The variant returns, and a non-daemon thread ends one second later:
    a slow exit, not a hang. The sandbox gives it EXIT_GRACE_S after "end"."""
    threading.Thread(target=threading.Event().wait, args=(1.0,), name="finishing").start()
    record.facts(returned=True)


def leave_grandchild():
    """Start a process of our own and hang: the sandbox must kill both."""
    import subprocess  # here, not at the top: every child imports this module's top
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    record.facts(grandchild_pid=proc.pid)
    threading.Event().wait()


def hang_before_facts():
    """Reports one fact, then hangs before the one the lab requires."""
    record.facts(started=True)
    threading.Event().wait()
    record.facts(finished=True)  # never reached


def report_signals():
    """The signal state the child starts lab code with."""
    def name(handler):
        return getattr(handler, "__name__", None) or signal.Handlers(handler).name
    record.facts(sigint=name(signal.getsignal(signal.SIGINT)),
                   sigterm=name(signal.getsignal(signal.SIGTERM)),
                   blocked=sorted(s.name for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])))


def flood():
    """Floods the event stream, as code writing to a pipe it did not open
    would: far more lines than any lab writes, then one endless line; and
    its standard error, with more than the parent keeps of it."""
    record.facts(answer=42)
    chunk = b"z" * (1 << 20)
    for _ in range(6):
        os.write(2, chunk)
    line = b'{"kind": "x"}\n'
    for _ in range(10):
        os.write(record._fd, line * 10_000)
    os.write(record._fd, b"y" * (3 << 20))


def skip_here():
    record.skip("this variant never runs: it tests the skip path")


VARIANTS = {"exit": exit_normally, "raise": raise_error, "signal": die_by_signal,
            "hang": hang, "hang-at-exit": hang_at_exit, "slow-exit": slow_exit,
            "grandchild": leave_grandchild, "skip": skip_here,
            "hang-before-facts": hang_before_facts, "signals": report_signals, "flood": flood}

LAB = Lab(
    id="selftest",
    title="The sandbox's own test lab",
    hazard="none: each variant ends a child run in a different way",
    variants=VARIANTS,
    judge=lambda facts, outcome: False,
    requires=lambda variant: {"exit": ("answer",), "signal": ("before_signal",), "hang": ("started",),
                              "hang-at-exit": ("returned",), "slow-exit": ("returned",),
                              "grandchild": ("grandchild_pid",),
                              "hang-before-facts": ("finished",), "signals": ("blocked",),
                              }.get(variant, ()),
    volatile=frozenset({"grandchild_pid"}),
    deadline_s=2.0,
)
