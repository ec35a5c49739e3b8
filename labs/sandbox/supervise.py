"""Spawn a child, watch it, stop it: one lab variant in a fresh interpreter.

The contract (CONTRIBUTING.md, "The sandbox"):
- the variant runs in a child started with ``python -m labs.child LAB VARIANT``
  in a session (and process group) of its own; the notebook kernel is never forked.
  The child's side of the story is in ``labs/child/runtime.py``: its watchdog kills
  the whole group when this process dies, however it dies;
- the child streams timeline events on its stdout, one JSON line each;
- the deadline counts from the child's ``start`` event, not from the spawn:
  an interpreter's own start is slower on a loaded machine and is not the
  lab's time; a child that never says ``start`` is stopped ``START_ALLOWANCE_S``
  after the deadline would have passed from the spawn;
- the deadline is the child's own time: when it passes, the time the
  child's threads have spent waiting for a CPU since ``start`` (the kernel's
  ``schedstat``) is added to it, up to one more deadline. On an idle machine
  that is nothing; on a loaded one a correct variant kept off the CPUs is not
  called hung, and a run still never lasts more than twice its deadline;
- a child that says ``end`` (its variant returned) has at least
  ``EXIT_GRACE_S`` more to exit: a slow but finite interpreter exit on a
  loaded machine is not a hang at exit, which is what the labs measure;
- past the deadline the parent sends SIGABRT to the child: faulthandler, enabled
  in the child with ``all_threads=True``, writes every thread's stack and the
  child dies. The dump is complete when the child has died, which the parent can
  wait for (a dump asked for with another signal has no end the parent can see);
- then the child's whole process group gets SIGKILL, before the child is
  reaped, so the group id cannot have been reused by a process we did not start;
- every way a run ends gives an Outcome. A hang is an observation, not an error;
  a run that ended before it reported the facts its lab requires is an error
  outcome (``hazard_observed`` None, ``error`` naming the missing facts), never
  a verdict.
"""
from __future__ import annotations

import json
import math
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from labs.child import procfs, wait
from labs.contract import events as ev
from labs.contract import registry
from labs.contract.outcome import PROJECT_ROOT, Outcome
from labs.sandbox.verdict import outcome_of
from labs.show import progress as progress_mod
from labs.show.progress import Progress, Stopped, in_jupyter

START_ALLOWANCE_S = 10.0  # the longest a child's interpreter may take to say "start"
EXIT_GRACE_S = 2.0  # a child that said "end" may take this long to exit, deadline or not
STARVED_STEP_S = 0.01  # the deadline moves on for a wait for a CPU at least this long
DUMP_GRACE_S = 5.0  # how long the child may take to write its stacks and die
MAX_EVENTS = 50_000  # a lab writes hundreds; past this a child floods: the rest is counted, not kept
MAX_LINE = 1 << 20   # bytes of one event line; a longer one is garbled
MAX_STDERR = 4 << 20  # bytes of the child's stderr kept: its end (the stack dumps, the guard's line)


class Unsupported(RuntimeError):
    """The sandbox needs Linux: pidfd_open(2) and /proc."""


class BadInterpreter(ValueError):
    """The interpreter asked for the child does not exist or cannot run."""


class BadDeadline(ValueError):
    """A deadline that is not a positive finite number of seconds."""


def check_deadline(value) -> float:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise BadDeadline(f"deadline must be a number of seconds, not {value!r}") from None
    if not (seconds > 0 and math.isfinite(seconds)):
        raise BadDeadline(f"deadline must be a positive number of seconds, not {value!r}")
    return seconds


def check_python(python: str | None) -> str:
    """The interpreter for the child: ``python``, or this one when None."""
    if python is None:
        return sys.executable
    if not shutil.which(python):
        raise BadInterpreter(f"no such interpreter: {python!r}")
    return python


def running(proc: subprocess.Popen) -> bool:
    """Has the child not exited yet? Unlike ``proc.poll()``, this never reaps
    it: until the sandbox reaps it, its pid (and process group id) cannot be
    reused by a process the lab did not start."""
    if proc.returncode is not None:
        return False
    try:
        return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None
    except ChildProcessError:
        # reaped meanwhile by the sandbox's own proc.wait() in another thread,
        # before it set returncode (a grader's thread asked as the run ended:
        # a traceback once in a loaded repetition, thirty-first session)
        return False


class Child:
    """The parent's handle on a running child, given to a lab's driver (and
    to ``on_start``). It has no ``Popen``: a driver acts on the child only
    through these methods, none of which reaps it, and the time a driver
    takes counts against the run's deadline (drivers run in the sandbox's
    reading loop)."""

    def __init__(self, proc: subprocess.Popen):
        self._proc = proc
        self.pid = proc.pid
        self.python = proc.args[0]  # the child's interpreter

    def running(self) -> bool:
        """Has the child not exited yet? (Never reaps it.)"""
        return running(self._proc)

    def wait_exit(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s for the child to exit, without reaping it.
        True when it has exited."""
        return not self.running() or _wait_exit(self._proc, timeout)

    def tids(self) -> list[int]:
        """Kernel thread ids of the child, from /proc/PID/task."""
        return procfs.tids(self.pid)

    def signal(self, sig: int, tid: int | None = None) -> None:
        """Send ``sig`` to the child, or with ``os.kill`` to one of its thread
        ids (on Linux, kill(2) on a thread id addresses its whole process).
        Refuses any other target: a lab signals only processes it started."""
        target = self.pid if tid is None else tid
        if not self.running():
            raise ProcessLookupError(f"child {self.pid} has already ended")
        if target != self.pid and target not in self.tids():
            raise PermissionError(
                f"refusing to signal {target}: not the lab's child {self.pid} nor one of its threads")
        os.kill(target, sig)


def child_argv(python: str, lab, variant: str) -> list[str]:
    """The command line of a sandboxed child of ``lab`` (a ``Lab``). For a
    lab with ``site=False`` (every lab's but a few matrix rows), ``-S``: the child
    does not run ``site``, so the environment's .pth files (the editable
    install's import finder among them, about 15 ms) cost it nothing; it gets
    the standard library and this project, which ``PYTHONPATH`` names, and
    ``labs.child.runtime`` puts back the ``exit`` and ``quit`` of ``site``.
    The kill matrix's rows of libraries (stopit, func-timeout, pebble) keep
    ``site``: their child imports installed packages."""
    return [python, *([] if lab.needs_site(variant) else ["-S"]), "-m", "labs.child", lab.id,
            variant]


def run(lab_id: str, variant: str, deadline: float | None = None,
        python: str | None = None, payload=None, on_event=None,
        pass_fds: tuple = (), on_start=None) -> Outcome:
    """Run ``variant`` of lab ``lab_id`` in a fresh interpreter; never hangs
    longer than the deadline (counted from the child's ``start`` event) plus
    a few seconds to collect the stacks.
    ``payload``, any JSON value, reaches the child through ``labs.child.runtime.payload()``.
    ``on_event(event)``, if given, is called in this process for each timeline
    event as it arrives (to show progress; a lab's drivers act on the child).
    ``pass_fds`` are inherited by the child (the practice grader's channel);
    ``on_start(child)``, called once the child exists, gets its ``Child``."""
    if in_jupyter() and not progress_mod.showing():  # a cell with one run: it shows too
        with Progress(f"the run of {lab_id} / {variant}") as shown:
            shown(0, 1, "running in a sandboxed child")
            return run(lab_id, variant, deadline, python, payload, on_event, pass_fds, on_start)
    if not hasattr(os, "pidfd_open") or not os.path.isdir("/proc/self/task"):
        raise Unsupported("the sandbox needs Linux (pidfd_open and /proc); this is "
                          f"{sys.platform}")
    lab = registry.get_lab(lab_id)
    lab.variant(variant)  # unknown names fail here, in the parent
    deadline = check_deadline(lab.deadline_s if deadline is None else deadline)
    python = check_python(python)
    driver = lab.drivers.get(variant)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(PROJECT_ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p]),
        PYTHONUNBUFFERED="1")
    started = time.monotonic()
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("w", suffix=".json") as pay:
        if payload is not None:
            json.dump(payload, pay)
            pay.flush()
            env[ev.PAYLOAD_ENV] = pay.name
        # The lifeline: the child's watchdog reads the end we pass it; when
        # this process dies, however it dies, the kernel closes our end and
        # the watchdog kills the child's whole process group (labs/child/runtime.py).
        lifeline_r, lifeline_w = os.pipe()
        env[ev.WATCH_FD_ENV] = str(lifeline_r)
        proc = None
        try:
            # The spawn is inside the try: Jupyter's stop button can land as
            # Popen returns, and the finally must still kill what it started
            # (a stop button between two runs of run_many left a child
            # running, once in a CI run: fifteenth session). Stopped inside
            # Popen, the child's pid is unknown here: closing the lifeline
            # below makes its watchdog kill its group.
            try:
                proc = subprocess.Popen(
                    child_argv(python, lab, variant),
                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                    env=env, start_new_session=True, cwd=PROJECT_ROOT,
                    pass_fds=(lifeline_r, *pass_fds))
            finally:
                os.close(lifeline_r)
            child = Child(proc)
            if on_start is not None:  # inside the try: if it raises, the group is still killed
                on_start(child)
            events, timed_out = _read_events(proc, started, deadline, driver, child, on_event)
            # Stacks only from a child that has turned faulthandler on (it
            # says "start" after): before that, SIGABRT would just abort it.
            if timed_out and any(e["kind"] == ev.START for e in events):
                _ask_for_stacks(proc)
        except KeyboardInterrupt as stop:
            # Jupyter's stop button: the finally below kills the child's group
            # first, then the cell ends with one line, not a traceback through
            # selectors. A terminal's caller gets its KeyboardInterrupt as is.
            if in_jupyter() and not isinstance(stop, Stopped):
                raise Stopped(f"the run of {lab_id} / {variant}") from None
            raise
        finally:
            try:
                if proc is not None:
                    _kill_group_and_reap(proc)
            finally:  # a second stop inside the kill: the watchdog kills the group
                os.close(lifeline_w)
        elapsed = time.monotonic() - started
        # its end only: a child that wrote a GiB to stderr grew the grader by
        # as much (hostile round, thirtieth session)
        size = err.seek(0, os.SEEK_END)
        err.seek(max(0, size - MAX_STDERR))
        stderr = err.read().decode(errors="replace")
        if size > MAX_STDERR:
            stderr = f"({size - MAX_STDERR} bytes of stderr before this not kept)\n" + stderr
    return outcome_of(lab, variant, proc.returncode, events, timed_out, elapsed, stderr,
                      deadline)


def run_many(lab_id: str, variants: list[str], **options) -> dict[str, Outcome]:
    """Run each of ``variants`` of lab ``lab_id`` in turn, as ``run`` does
    (``options`` are run's), showing "k of n: variant" while they run, in
    Jupyter or on a terminal; stopped, one line. Returns {variant: Outcome}."""
    outcomes = {}
    with Progress(f"{lab_id}, {len(variants)} runs") as progress:
        for k, name in enumerate(variants, 1):
            progress(k, len(variants), name)
            outcomes[name] = run(lab_id, name, **options)
    return outcomes


def _read_events(proc, started, deadline, driver, child, on_event=None):
    """Read JSON lines from the child until it exits or the deadline passes:
    ``deadline`` seconds after the first ``start`` event arrives, or, before
    one has, ``deadline + START_ALLOWANCE_S`` after ``started`` (the spawn);
    once the child says "end", never sooner than ``EXIT_GRACE_S`` after.
    The deadline is then moved on by the time the child's threads waited for
    a CPU since "start", up to one more deadline (``wait.moved_on``).
    Returns (events, timed_out)."""
    events: list[dict] = []
    deadline_at = [started + deadline + START_ALLOWANCE_S]
    seen_start = [False]
    queued_at_start = [0.0]  # procfs.queued_s of the child at its "start"
    granted = [0.0]  # how far the deadline has been moved on for it
    buf = [b""]
    dropped = [0]
    out = proc.stdout.fileno()

    def feed(chunk: bytes) -> None:
        if len(events) >= MAX_EVENTS:  # a flood (code that writes to a pipe it did not open)
            dropped[0] += chunk.count(b"\n")
            return
        *lines, buf[0] = (buf[0] + chunk).split(b"\n")
        if len(buf[0]) > MAX_LINE:
            lines.append(buf[0][:200])  # kept as a garbled event
            buf[0] = b""
        for line in filter(bytes.strip, lines):
            if len(events) >= MAX_EVENTS:
                dropped[0] += 1
                continue
            event = _parse(line)
            events.append(event)
            if event["kind"] == ev.START and not seen_start[0]:  # the first one only
                seen_start[0] = True
                deadline_at[0] = time.monotonic() + deadline
                queued_at_start[0] = procfs.queued_s(proc.pid)
            elif event["kind"] == ev.END:
                deadline_at[0] = max(deadline_at[0], time.monotonic() + EXIT_GRACE_S)
            if on_event is not None:
                on_event(event)
            if driver is not None and running(proc):
                driver(event, child)

    def ended(timed_out: bool):
        if dropped[0]:
            events.append({"t": None, "kind": ev.GARBLED,
                           "text": f"{dropped[0]} more events not kept (over {MAX_EVENTS})"})
        return events, timed_out

    pidfd = os.pidfd_open(proc.pid)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(out, selectors.EVENT_READ, "out")
            sel.register(pidfd, selectors.EVENT_READ, "exit")
            while True:
                remaining = deadline_at[0] - time.monotonic()
                ready = sel.select(max(remaining, 0))
                if remaining <= 0 and not any(key.data == "exit" for key, _ in ready):
                    # One more look at the deadline: a parent that was itself
                    # slow to get here does not call a child that exited hung.
                    # time the machine, not the variant, took (threads that have
                    # ended take their share with them: a lower bound)
                    starved = wait.moved_on(procfs.queued_s(proc.pid), queued_at_start[0], deadline)
                    if not seen_start[0] or starved < granted[0] + STARVED_STEP_S:
                        return ended(True)
                    deadline_at[0] += starved - granted[0]
                    granted[0] = starved
                    continue
                for key, _ in ready:
                    if key.data == "exit":
                        # Take what is left in the pipe, without waiting for a
                        # grandchild that may still hold it open.
                        feed(_drain(out))
                        return ended(False)
                    chunk = os.read(out, 65536)
                    if chunk:
                        feed(chunk)
                    else:  # stdout closed; keep waiting for the exit itself
                        sel.unregister(out)
    finally:
        os.close(pidfd)


def _drain(fd: int) -> bytes:
    """What is in the pipe now (bounded: a grandchild may keep writing)."""
    os.set_blocking(fd, False)
    data = b""
    while len(data) < 4 * MAX_LINE:
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return data
        if not chunk:
            return data
        data += chunk
    return data


def _parse(line: bytes) -> dict:
    """One event; anything that is not a JSON object with a kind, a number
    ``t`` (or none) and string names is kept as a "garbled" event, never
    trusted as another kind."""
    try:
        e = json.loads(line)
    except (ValueError, RecursionError):  # a deeply nested line: garbled too
        e = None
    if (isinstance(e, dict) and isinstance(e.get("kind"), str)
            and isinstance(e.get("t", 0.0), (int, float, type(None)))
            and not isinstance(e.get("t"), bool)
            and isinstance(e.get("thread", ""), str)
            and isinstance(e.get("ident", 0), (int, type(None)))
            and isinstance(e.get("facts", {}), dict)
            and _thread_list(e.get("threads", []))):
        return e
    return {"t": None, "kind": ev.GARBLED, "text": line.decode(errors="replace")[:200]}


def _thread_list(threads) -> bool:
    """A closing list of threads as the child writes it: [{"ident": int,
    "name": str}, ...] (``{"threads": 5}`` killed the thread that reads the
    outcome, in the grader's process: a hostile round, thirtieth session)."""
    return isinstance(threads, list) and all(
        isinstance(t, dict) and type(t.get("ident")) is int and isinstance(t.get("name"), str)
        for t in threads)


def _wait_exit(proc, timeout: float) -> bool:
    """Wait until the child has exited, without reaping it (so its pid and
    process group id stay ours). True when it exited in time."""
    pidfd = os.pidfd_open(proc.pid)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(pidfd, selectors.EVENT_READ)
            return bool(sel.select(timeout))
    finally:
        os.close(pidfd)


def _ask_for_stacks(proc) -> None:
    if running(proc):
        os.kill(proc.pid, signal.SIGABRT)  # faulthandler dumps, then the child dies
        _wait_exit(proc, DUMP_GRACE_S)


def _wait_pids_end(pids: list[int], give_up: float) -> None:
    """Wait until each of ``pids`` has ended (a zombie has) or ``give_up``."""
    fds = []
    try:
        for pid in pids:
            try:
                fds.append(os.pidfd_open(pid))
            except ProcessLookupError:  # already gone (and reaped)
                pass
        with selectors.DefaultSelector() as sel:
            for fd in fds:
                sel.register(fd, selectors.EVENT_READ)
            while sel.get_map() and time.monotonic() < give_up:
                for key, _ in sel.select(max(0.0, give_up - time.monotonic())):
                    sel.unregister(key.fd)
    finally:
        for fd in fds:
            os.close(fd)


def _kill_group_and_reap(proc) -> None:
    # The child is not reaped yet, so its pid is still the id of its process
    # group: killpg reaches only processes that the child started.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    # SIGKILL is delivered asynchronously: wait (bounded) until every process
    # of the group is really gone, so that none outlives the run. A pidfd
    # becomes readable when its process ends: no polling interval to wait out.
    give_up = time.monotonic() + DUMP_GRACE_S
    while time.monotonic() < give_up:
        left = procfs.processes_in_group(proc.pid, exclude=proc.pid)
        if not left:
            break
        _wait_pids_end(left, give_up)
    proc.wait()
    proc.stdout.close()


