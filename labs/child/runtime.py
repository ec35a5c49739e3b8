"""The sandbox's child: ``python -m labs.child LAB VARIANT`` (``__main__`` calls ``main``).

Everything in this module runs in the child interpreter that the parent
(``labs.sandbox.run``, in labs/sandbox/supervise.py) started in a process
group of its own. Before any lab code runs, the child

1. starts its **watchdog**: a process forked while the child has one thread,
   that blocks reading a pipe whose only write end the parent holds. When the
   parent dies, however it dies (SIGKILL included), the kernel closes that end,
   the read returns, and the watchdog kills its whole process group: the child,
   anything the lab started, and itself. No orphan outlives its parent;
2. puts every signal back to the state a fresh interpreter started from a
   clean shell has (SIGINT to Python's handler, SIGPIPE and SIGXFSZ ignored as
   Python sets them, every other signal to its default, nothing blocked): a
   parent that ignores SIGINT (``make test &``, ``nohup``) must not change
   what a signal lab measures;
3. turns on faulthandler for every thread: past the deadline the parent sends
   SIGABRT, the child writes every thread's stack and dies.

Then it streams timeline events on the pipe that was its stdout, runs the
variant and returns, as any program would. Imports are kept to the few the
child needs: every graded exercise starts one.
"""
from __future__ import annotations

import faulthandler
import json
import os
import signal
import sys
import threading

from labs.child import record
from labs.contract import events as ev
from labs.contract import registry


def payload():
    """The JSON value the parent passed to ``sandbox.run(payload=...)`` (a
    learner's code, an exercise's settings), or None."""
    path = os.environ.get(ev.PAYLOAD_ENV)
    if not path:
        return None
    with open(path) as f:
        return json.load(f)


def start_watchdog() -> None:
    """Fork the process that kills our group when the parent dies."""
    fd = os.environ.pop(ev.WATCH_FD_ENV, None)
    if fd is None:  # run by hand, not by the sandbox: nobody to outlive
        return
    fd = int(fd)
    if os.fork() == 0:
        try:
            # Block every signal that could end the watchdog early; only the
            # group's SIGKILL (ours, or the parent's clean-up) ends it.
            signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.valid_signals()))
            null = os.open(os.devnull, os.O_RDWR)
            for std in (0, 1, 2):  # do not hold the event pipe open
                os.dup2(null, std)
            while True:
                try:
                    if not os.read(fd, 1):  # EOF: the parent has died
                        break
                except InterruptedError:
                    continue
            os.killpg(os.getpgrp(), signal.SIGKILL)
        finally:
            os._exit(0)
    os.close(fd)


def reset_signals() -> None:
    """Every signal as a fresh interpreter from a clean shell has it."""
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    python_sets = {signal.SIGINT: signal.default_int_handler,
                   signal.SIGPIPE: signal.SIG_IGN, signal.SIGXFSZ: signal.SIG_IGN}
    for sig in signal.valid_signals():
        if sig in (signal.SIGKILL, signal.SIGSTOP):
            continue
        try:
            signal.signal(sig, python_sets.get(sig, signal.SIG_DFL))
        except (OSError, ValueError):  # signals the C library keeps for itself
            pass


def paths() -> dict[str, str]:
    """Where the standard library and site-packages are, so the parent can
    show ``<stdlib>/threading.py`` in a stack dump instead of a machine path."""
    found = {"<stdlib>": os.path.dirname(os.__file__)}
    site = [p for p in sys.path if p.endswith("site-packages")]
    if site:
        found["<site-packages>"] = site[0]
    return found


def site_builtins() -> None:
    """``exit()`` and ``quit()`` as ``site`` defines them, in a child started
    with ``python -S`` (``child_argv`` in labs/sandbox/supervise.py): lab
    and learner code that calls ``exit()`` must behave as it does elsewhere."""
    if sys.flags.no_site:
        import _sitebuiltins
        import builtins
        builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
        builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")


def main(lab_id: str, variant: str) -> None:
    start_watchdog()
    site_builtins()
    reset_signals()
    import resource
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGABRT must not dump core
    faulthandler.enable(file=sys.stderr, all_threads=True)
    events_fd = os.dup(1)
    os.dup2(2, 1)  # a stray print() goes to stderr, not into the event stream
    os.set_inheritable(events_fd, False)
    record.open_stream(events_fd)
    record.event(ev.START, python=sys.version.split()[0], pid=os.getpid(), paths=paths())
    fn = registry.variant(lab_id, variant)
    try:
        fn()
    except record.Skip as why:
        record.event(ev.SKIP, reason=str(why))
    alive = [{"name": t.name, "ident": t.ident} for t in threading.enumerate()]
    record.event(ev.END, threads=alive)
    # Returning lets the interpreter exit as any program would: it joins the
    # non-daemon threads first, and that join may hang. The deadline sees it.
