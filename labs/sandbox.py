"""Run one lab variant in a fresh interpreter with a deadline.

The contract (CONTRIBUTING.md, "The sandbox"):
- the variant runs in a child started with ``python -m labs.child LAB VARIANT``
  in a session (and process group) of its own; the notebook kernel is never forked.
  The child's side of the story is in ``labs/child.py``: its watchdog kills
  the whole group when this process dies, however it dies;
- the child streams timeline events on its stdout, one JSON line each;
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
import linecache
import math
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from labs import child as child_side
from labs import procfs, registry

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LABS_DIR = Path(__file__).resolve().parent
DUMP_GRACE_S = 5.0  # how long the child may take to write its stacks and die


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


@dataclass
class Outcome:
    lab: str
    variant: str
    hazard_observed: bool | None  # None when the variant was skipped
    facts: dict
    exit: dict  # code, signal (a name such as "SIGTERM", or None), timed_out
    elapsed_s: float
    stacks: str | None  # every thread's stack when the run hung past its deadline
    timeline: list[dict]
    python: str | None
    skipped: str | None = None  # the reason, when the variant could not run here
    error: str | None = None  # the child's stderr when it failed on its own
    stderr: str = field(default="", repr=False)
    child_elapsed_s: float | None = field(default=None, repr=False)

    def to_json(self) -> dict:
        data = asdict(self)
        del data["stderr"], data["child_elapsed_s"]
        return data

    def threads_in_dump(self) -> list[dict]:
        """Threads of the stack dump: [{"name", "ident", "frames": [(file, line, func)]}]."""
        return parse_dump(self.stacks or "", self.thread_names())

    def thread_names(self) -> dict[int, str]:
        return thread_names(self.timeline)

    def where_stuck(self) -> dict[str, str]:
        """Thread name -> the innermost line of lab code it was stuck on, e.g.
        "lock_leak.py, in worker: lock.acquire()" or "matrix/scenarios.py, ...".
        Line text, not numbers, so that the answer is the same on every Python
        version. The child's own machinery (child.py, timeline.py) is not lab code."""
        where = {}
        for th in self.threads_in_dump():
            for path, lineno, func in th["frames"]:
                p = PROJECT_ROOT / path  # project paths in the dump are relative
                if p.is_relative_to(LABS_DIR) and p.name not in ("child.py", "timeline.py"):
                    text = linecache.getline(str(p), lineno).split("  #")[0].strip()
                    where[th["name"]] = f"{p.relative_to(LABS_DIR).as_posix()}, in {func}: {text}"
                    break
        return where


def thread_names(events: list[dict]) -> dict[int, str]:
    """Thread ident -> name, from every event and the child's closing list."""
    names = {e["ident"]: e["thread"] for e in events if e.get("ident")}
    for e in events:
        names.update({t["ident"]: t["name"] for t in e.get("threads", [])})
    return names


_HEADER = re.compile(r"^(Current thread|Thread) (0x[0-9a-f]+)(?: \[.*\])? \(most recent call first\):")
_FRAME = re.compile(r'^\s+File "(.+)", line (\d+) in (\S+)')


def parse_dump(text: str, names: dict[int, str]) -> list[dict]:
    threads = []
    for line in text.splitlines():
        head = _HEADER.match(line)
        if head:
            ident = int(head.group(2), 16)
            threads.append({"name": names.get(ident, head.group(2)),
                            "ident": ident, "frames": []})
            continue
        frame = _FRAME.match(line)
        if frame and threads:
            threads[-1]["frames"].append(
                (frame.group(1), int(frame.group(2)), frame.group(3)))
    return threads


def short_paths(dump: str, prefixes: dict[str, str]) -> str:
    """Replace each directory of ``prefixes`` (label -> directory) at the start
    of a frame's file name by its label, longest first, so that a stored dump
    shows ``labs/lock_leak.py`` and ``<stdlib>/threading.py``, not a machine's
    paths. The label "" makes a path relative."""
    for label, directory in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        lead = f"{label}/" if label else ""
        dump = dump.replace(f'File "{directory.rstrip("/")}/', f'File "{lead}')
    return dump


def name_threads(dump: str, names: dict[int, str]) -> str:
    """Put thread names, as the child reported them, into a faulthandler dump.
    From 3.14 faulthandler writes the OS thread name itself
    (``Thread 0x... [name] (most recent call first):``, gh-125434), cut by
    Linux to 15 bytes: the full name the child reported replaces it."""
    def named(m):
        name = names.get(int(m.group(2), 16))
        return f"{m.group(1)} {m.group(2)} [{name}]" if name else m.group(0)
    return re.sub(r"^(Current thread|Thread) (0x[0-9a-f]+)(?: \[[^\]\n]*\])?", named, dump,
                  flags=re.M)


def running(proc: subprocess.Popen) -> bool:
    """Has the child not exited yet? Unlike ``proc.poll()``, this never reaps
    it: until the sandbox reaps it, its pid (and process group id) cannot be
    reused by a process the lab did not start."""
    if proc.returncode is not None:
        return False
    return os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None


class Child:
    """The parent's handle on a running child, given to a lab's driver."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.pid = proc.pid

    def tids(self) -> list[int]:
        """Kernel thread ids of the child, from /proc/PID/task."""
        return procfs.tids(self.pid)

    def signal(self, sig: int, tid: int | None = None) -> None:
        """Send ``sig`` to the child, or with ``os.kill`` to one of its thread
        ids (on Linux, kill(2) on a thread id addresses its whole process).
        Refuses any other target: a lab signals only processes it started."""
        target = self.pid if tid is None else tid
        if not running(self.proc):
            raise ProcessLookupError(f"child {self.pid} has already ended")
        if target != self.pid and target not in self.tids():
            raise PermissionError(
                f"refusing to signal {target}: not the lab's child {self.pid} nor one of its threads")
        os.kill(target, sig)


def run(lab_id: str, variant: str, deadline: float | None = None,
        python: str | None = None, payload=None, on_event=None,
        pass_fds: tuple = (), on_start=None) -> Outcome:
    """Run ``variant`` of lab ``lab_id`` in a fresh interpreter; never hangs
    longer than the deadline plus a few seconds to collect the stacks.
    ``payload``, any JSON value, reaches the child through ``child.payload()``.
    ``on_event(event)``, if given, is called in this process for each timeline
    event as it arrives (to show progress; a lab's drivers act on the child).
    ``pass_fds`` are inherited by the child (the practice grader's channel);
    ``on_start(child)``, called once the child exists, gets its ``Child``."""
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
            env[child_side.PAYLOAD_ENV] = pay.name
        # The lifeline: the child's watchdog reads the end we pass it; when
        # this process dies, however it dies, the kernel closes our end and
        # the watchdog kills the child's whole process group (labs/child.py).
        lifeline_r, lifeline_w = os.pipe()
        env[child_side.WATCH_FD_ENV] = str(lifeline_r)
        try:
            proc = subprocess.Popen(
                [python, "-m", "labs.child", lab_id, variant],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                env=env, start_new_session=True, cwd=PROJECT_ROOT,
                pass_fds=(lifeline_r, *pass_fds))
        finally:
            os.close(lifeline_r)
        child = Child(proc)
        if on_start is not None:
            on_start(child)
        try:
            events, timed_out = _read_events(proc, started + deadline, driver, child, on_event)
            # Stacks only from a child that has turned faulthandler on (it
            # says "start" after): before that, SIGABRT would just abort it.
            if timed_out and any(e["kind"] == "start" for e in events):
                _ask_for_stacks(proc)
        finally:
            _kill_group_and_reap(proc)
            os.close(lifeline_w)
        elapsed = time.monotonic() - started
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    return _outcome(lab, variant, proc, events, timed_out, elapsed, stderr, deadline)


def _read_events(proc, deadline_at, driver, child, on_event=None):
    """Read JSON lines from the child until it exits or the deadline passes.
    Returns (events, timed_out)."""
    events: list[dict] = []
    buf = [b""]
    out = proc.stdout.fileno()

    def feed(chunk: bytes) -> None:
        *lines, buf[0] = (buf[0] + chunk).split(b"\n")
        for line in filter(bytes.strip, lines):
            ev = _parse(line)
            events.append(ev)
            if on_event is not None:
                on_event(ev)
            if driver is not None and running(proc):
                driver(ev, child)

    pidfd = os.pidfd_open(proc.pid)
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(out, selectors.EVENT_READ, "out")
            sel.register(pidfd, selectors.EVENT_READ, "exit")
            while True:
                remaining = deadline_at - time.monotonic()
                if remaining <= 0:
                    return events, True
                for key, _ in sel.select(remaining):
                    if key.data == "exit":
                        # Take what is left in the pipe, without waiting for a
                        # grandchild that may still hold it open.
                        feed(_drain(out))
                        return events, False
                    chunk = os.read(out, 65536)
                    if chunk:
                        feed(chunk)
                    else:  # stdout closed; keep waiting for the exit itself
                        sel.unregister(out)
    finally:
        os.close(pidfd)


def _drain(fd: int) -> bytes:
    os.set_blocking(fd, False)
    data = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return data
        if not chunk:
            return data
        data += chunk


def _parse(line: bytes) -> dict:
    try:
        ev = json.loads(line)
    except (ValueError, RecursionError):
        ev = None
    if not isinstance(ev, dict) or not isinstance(ev.get("kind"), str) \
            or not isinstance(ev.get("t", 0.0), (int, float, type(None))):
        return {"t": None, "kind": "garbled", "text": line.decode(errors="replace")[:200]}
    return ev


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


def _kill_group_and_reap(proc) -> None:
    # The child is not reaped yet, so its pid is still the id of its process
    # group: killpg reaches only processes that the child started.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    # SIGKILL is delivered asynchronously: wait (bounded) until every process
    # of the group is really gone, so that none outlives the run.
    give_up = time.monotonic() + DUMP_GRACE_S
    while procfs.processes_in_group(proc.pid, exclude=proc.pid) and time.monotonic() < give_up:
        time.sleep(0.01)
    proc.wait()
    proc.stdout.close()


def _outcome(lab, variant, proc, events, timed_out, elapsed, stderr, deadline) -> Outcome:
    facts: dict = {}
    python = skipped = None
    child_elapsed = max([e["t"] for e in events if e.get("t") is not None], default=0.0)
    for e in events:
        if e["kind"] == "facts":
            facts.update(e["facts"])
        elif e["kind"] == "start":
            python = e.get("python")
        elif e["kind"] == "skip":
            skipped = e.get("reason")
    code = proc.returncode
    exit = {"code": code if code >= 0 else None,
            "signal": signal.Signals(-code).name if code < 0 else None,
            "timed_out": timed_out}
    names = thread_names(events)
    stacks = None
    if timed_out:
        child_elapsed = max(child_elapsed, elapsed)
        start = next((e for e in events if e["kind"] == "start"), {})
        prefixes = {**start.get("paths", {}), "": str(PROJECT_ROOT)}
        stacks = short_paths(name_threads(_dump_part(stderr), names), prefixes)
        stuck = sorted({t["name"] for t in parse_dump(stacks, names)} - {"MainThread"})
        facts.setdefault("stuck_threads", stuck)
    else:
        facts.setdefault("stuck_threads", [])
    error = None
    if not timed_out and code > 0:  # the child failed on its own (an exception)
        error = stderr.strip() or f"the child exited with code {code}"
    outcome = Outcome(lab=lab.id, variant=variant, hazard_observed=None, facts=facts,
                      exit=exit, elapsed_s=round(elapsed, 3), stacks=stacks,
                      timeline=events, python=python, skipped=skipped, error=error,
                      stderr=stderr, child_elapsed_s=child_elapsed)
    if skipped or error:
        return outcome
    try:
        if lab.summarize is not None:
            facts.update(lab.summarize(outcome))
        # Checked after summarize: a lab may require a fact the parent derives
        # (a summarize must then never make up a fact it could not read).
        missing = [f for f in lab.required_facts(variant) if f not in facts]
        if missing:
            outcome.error = incomplete(missing, deadline)
            return outcome
        outcome.hazard_observed = bool(lab.judge(facts, outcome))
    except KeyError as missing:  # a fact the lab's judge needs and did not declare
        outcome.error = incomplete([missing.args[0]], deadline)
    return outcome


def incomplete(missing: list[str], deadline: float) -> str:
    return (f"the run ended before it reported {', '.join(missing)}: no verdict "
            f"(was the deadline of {deadline:g} s too short?)")


def _dump_part(stderr: str) -> str:
    start = stderr.find("Fatal Python error: Aborted")
    return stderr[start:] if start >= 0 else stderr
