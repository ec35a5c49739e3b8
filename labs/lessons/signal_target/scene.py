"""Lab 3: a signal aimed at one thread hits the whole process.

A child process has a main thread and three named workers. Each worker
handles ITEMS requests: it takes an item, waits for the item's reply on its
own socket (a blocking recv), then finishes it. The main thread holds back
the first replies until the signal has done whatever it does, so every
worker has an item in hand, blocked in recv, when the signal comes. The
kernel says when a thread is blocked in recv (/proc/self/task/TID/syscall),
so no sleep decides anything.

- ``bad``: the parent reads worker-2's kernel thread id and sends SIGTERM to
  it with ``os.kill``, as people try it. kill(2) addresses a process: with
  no handler, SIGTERM's default action ends the whole process, and every
  worker's item in hand is lost.
- ``bad-handler``: the same kill, with a Python SIGTERM handler. The process
  survives; the handler runs in MainThread, not in the targeted worker; it
  is given only a signal number and a frame (of the main thread), so it
  cannot tell which thread was meant; the worker carries on to the end.
- ``bad-pthread-kill``: ``signal.pthread_kill`` to worker-2 while it is in
  recv. The C-level signal reaches that thread only (the kernel wakes it and
  no other), the Python handler still runs in MainThread, and PEP 475 puts
  the worker straight back into recv: it carries on to the end.
- ``fixed``: the main thread owns signals and a control channel. Its SIGTERM
  handler only sets a shutdown Event. A command "stop worker-2" on the
  control channel sets that worker's own stop Event; worker-2 stops at its
  next check, the others finish all their items, the process exits 0.
- ``fixed-sigterm``: the same design, hit by the same kill as ``bad``: the
  handler sets the shutdown Event and every worker finishes the item in
  hand, then stops. Nothing is lost; the process exits 0.

The scene and the variants run in the sandbox's child. The last section,
the driver that sends the signal from outside and the facts read off a whole
run, runs in the parent, called by the sandbox; the only signal from outside
goes through ``Child.signal``, which refuses any target that is not the child
or one of its threads. What the notebook shows beside the runs (the key
facts, ps and strace listings) is in ``labs.lessons.signal_target.view``.
"""
from __future__ import annotations

import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager

from labs.child import procfs, record, wait

WORKERS = 3
ITEMS = 3  # per worker
NAMES = [f"worker-{i + 1}" for i in range(WORKERS)]
TARGET = "worker-2"
AIMED = "SIGTERM aimed here"  # the target's state once the signal is on its way
HANDLER = "SIGTERM handler"   # the state of the thread that runs the Python handler


# ------------------------------------------------------------------ the scene

class Crew:
    """The workers, their reply sockets, and the flags a fixed worker checks.

    ``checks_stop`` is False for the code people write (a worker just works)
    and True for the fixed design (a worker looks at its flags between items).
    """

    def __init__(self, checks_stop: bool = False):
        self.checks_stop = checks_stop
        self.shutdown = threading.Event()  # set by the fixed SIGTERM handler
        self.stop_asked = {name: threading.Event() for name in NAMES}
        self.pairs = {name: socket.socketpair() for name in NAMES}  # (main's end, worker's)
        self.interrupted: list[str] = []  # workers whose recv failed with InterruptedError
        self.begin = threading.Event()  # the threads are listed: take the first items
        self.threads = {name: threading.Thread(target=self.work, name=name) for name in NAMES}

    def work(self):
        me = threading.current_thread().name
        sock = self.pairs[me][1]
        self.begin.wait()
        for _ in range(ITEMS):
            if self.checks_stop and (self.shutdown.is_set() or self.stop_asked[me].is_set()):
                record.state("stopped")
                return
            record.state("waiting")  # an item in hand, waiting for its reply
            try:
                sock.recv(1)
            except InterruptedError:  # never seen: PEP 475 retries recv in a worker
                self.interrupted.append(me)
                raise
            record.state("working")  # the reply is in: the item is finished
        record.state("done")

    def start(self):
        for t in self.threads.values():
            t.start()

    def take_first_items(self):
        """Let the workers go; return once each one is blocked in recv."""
        for name in NAMES:  # one row per worker, in this order, on the figure
            record.state("idle", thread=self.threads[name])
        self.begin.set()
        wait.until(lambda: all(self.in_recv(name) for name in NAMES), poll=0.0001)

    def in_recv(self, name: str) -> bool:
        t = self.threads[name]
        return procfs.in_syscall_on(self.pairs[name][1].fileno(), tid=t.native_id)

    def tid(self, name: str) -> int:
        return self.threads[name].native_id

    def switches(self) -> dict[str, int]:
        return {name: procfs.context_switches(self.tid(name)) for name in NAMES}

    def reply_all(self):
        """Send every worker the replies for all its items."""
        for main_end, _ in self.pairs.values():
            main_end.sendall(b"r" * ITEMS)

    def join(self):
        for t in self.threads.values():
            t.join()
        for pair in self.pairs.values():
            for sock in pair:
                sock.close()


# ------------------------------------------------------------------ what the kernel says

def can_watch_threads() -> str | None:
    """None when /proc shows this process's threads and their system calls;
    otherwise why not (then the lab cannot force its interleaving)."""
    return procfs.cannot_watch_threads()


# The command from the issue first. procps-ng 4.0.2 crashes (SIGSEGV) printing
# WCHAN with -m (one row per thread) on some kernels: on kernel 6.18,
# `ps -p PID -o wchan` exits 0, `ps -mp PID -o wchan` and `-o THREAD` exit 139
# (USERTIME and SYSTIME print). So a list without WCHAN comes next.
PS_OPTIONS = (["-o", "THREAD,tid"], ["-o", "user,pcpu,pri,scnt,stat,tid"])


def ps_threads(pid: int) -> tuple[str | None, str, list[str]]:
    """``ps -mp PID ...`` on a process: (the command that worked, its output,
    the commands that failed and how)."""
    failed = []
    for options in PS_OPTIONS:
        command = ["ps", "-mp", str(pid), *options]
        shown = " ".join(["ps", "-mp", "PID", *options])
        try:
            r = subprocess.run(command, capture_output=True, text=True)
        except FileNotFoundError:
            return None, "", ["ps is not installed"]
        if r.returncode == 0:
            return shown, r.stdout, failed
        how = (f"killed by {signal.Signals(-r.returncode).name}" if r.returncode < 0
               else f"exit {r.returncode}")
        failed.append(f"{shown}: {how}")
    return None, "", failed


def list_threads(crew: Crew) -> None:
    """Report the child's thread listing, three ways: threading's names and
    native ids, /proc/PID/task, and ps."""
    pid = os.getpid()
    tasks = procfs.tids(pid)
    names = {t.native_id: t.name for t in threading.enumerate()}
    command, ps_out, failed = ps_threads(pid)
    # The ps output is long and volatile: an event of its own, kept out of
    # the facts table (ps_listing reads it back).
    record.event("ps", command=command, output=ps_out, failed=failed)
    # Name order, MainThread first: thread ids wrap around at pid_max, so
    # their order is not the order the threads were started in.
    named = sorted(((names.get(tid, "?"), tid) for tid in tasks),
                   key=lambda pair: (pair[0] != "MainThread", pair[0]))
    record.facts(threads=dict(named), thread_names=[name for name, _ in named],
                   task_count=len(tasks), tids_match_proc=sorted(names) == tasks,
                   ps_threads=sum(1 for tid in tasks if re.search(rf"\b{tid}\b", ps_out)),
                   workers_total=WORKERS)


# ------------------------------------------------------------------ the main thread

def thread_of(frame) -> str | None:
    """The name of the thread whose stack holds ``frame``."""
    names = {t.ident: t.name for t in threading.enumerate()}
    for ident, top in sys._current_frames().items():
        f = top
        while f is not None:
            if f is frame:
                return names.get(ident, str(ident))
            f = f.f_back
    return None


def note_handler(signum, frame) -> None:
    """What a Python signal handler can know, recorded where it runs."""
    record.state(HANDLER)  # on the row of the thread running it
    record.note(f"Python handler ran here, in {threading.current_thread().name}")
    record.facts(handler_thread=threading.current_thread().name,
                   handler_args=[type(signum).__name__, type(frame).__name__],
                   handler_frame_thread=thread_of(frame))


def records_only(crew, signum, frame) -> None:
    """The bad variants' handler: it records where it ran, and that is all
    it can do: nothing in its arguments names the thread that was aimed at."""
    note_handler(signum, frame)


def sets_shutdown(crew, signum, frame) -> None:
    """The fixed handler: it only sets the shutdown Event, which every
    worker checks between items (and records where it ran, for the lab)."""
    note_handler(signum, frame)
    crew.shutdown.set()


class MainLoop:
    """The main thread's one place to wait: a selector over the signal
    wake-up fd (``signal.set_wakeup_fd``: the C-level handler writes to it,
    whichever thread the kernel interrupted) and a control channel (a socket
    pair; any thread may write a line "stop NAME" to it)."""

    def __init__(self, crew: Crew, handler=None):
        self.crew = crew
        self.signalled = threading.Event()  # a Python handler has run
        self.wake_r, self.wake_w = socket.socketpair()
        self.ctl_r, self.ctl_w = socket.socketpair()
        for sock in (self.wake_r, self.wake_w, self.ctl_r):
            sock.setblocking(False)
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.wake_r, selectors.EVENT_READ)
        self.sel.register(self.ctl_r, selectors.EVENT_READ)
        self.pending = b""
        self.old_fd = signal.set_wakeup_fd(self.wake_w.fileno())
        self.old_handler = None
        if handler is not None:
            def on_sigterm(signum, frame):
                handler(crew, signum, frame)
                self.signalled.set()
            self.old_handler = signal.signal(signal.SIGTERM, on_sigterm)

    def ask(self, command: str) -> None:
        self.ctl_w.sendall(command.encode() + b"\n")

    def serve(self, until) -> None:
        """Wait, handling commands, until ``until()``. A Python handler runs
        in this thread as soon as select returns, before ``until`` is asked."""
        while not until():
            for key, _ in self.sel.select():
                data = key.fileobj.recv(4096)
                if key.fileobj is self.ctl_r:
                    self.pending += data
                    *lines, self.pending = self.pending.split(b"\n")
                    for line in lines:
                        self.command(line.decode())

    def command(self, line: str) -> None:
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in self.crew.stop_asked:
            self.crew.stop_asked[name].set()
            record.state("stop asked", thread=self.crew.threads[name])

    def close(self) -> None:
        signal.set_wakeup_fd(self.old_fd)
        if self.old_handler is not None:
            signal.signal(signal.SIGTERM, self.old_handler)
        self.sel.close()
        for sock in (self.wake_r, self.wake_w, self.ctl_r, self.ctl_w):
            sock.close()


@contextmanager
def scene(checks_stop: bool, handler=None):
    """A started crew, blocked in recv, its threads listed; the main loop."""
    reason = can_watch_threads()
    if reason:
        record.skip(reason)
    crew = Crew(checks_stop)
    loop = MainLoop(crew, handler)
    try:
        crew.start()
        # ps takes tens of milliseconds: list the threads before the first
        # state, so that the figure starts where the story does.
        list_threads(crew)
        record.state("working")
        crew.take_first_items()
        yield crew, loop
    finally:
        loop.close()


def who_woke(crew: Crew, before: dict[str, int]) -> list[str]:
    """Once every worker is back in recv: the workers the signal woke."""
    wait.until(lambda: all(crew.in_recv(name) for name in NAMES), poll=0.0001)
    after = crew.switches()
    return [name for name in NAMES if after[name] != before[name]]


def finish(crew: Crew) -> None:
    """Release the items in hand, then wait for the workers, as any program
    would."""
    record.state("waiting")
    crew.reply_all()
    crew.join()
    record.facts(interrupted_errors=len(crew.interrupted))
    record.state("done")


# ------------------------------------------------------------------ bad

def aim_at_target(crew: Crew) -> None:
    """Publish the target's kernel thread id: the parent's driver then sends
    it SIGTERM with os.kill, as people write it."""
    record.state(AIMED, thread=crew.threads[TARGET])
    record.mark(f"kill({TARGET}'s tid, SIGTERM)")
    record.facts(target_tid=crew.tid(TARGET))


def signal_from_outside(handler=None):
    with scene(checks_stop=False, handler=handler) as (crew, loop):
        before = crew.switches()
        record.state("waiting")
        aim_at_target(crew)
        loop.serve(until=loop.signalled.is_set)  # with no handler, we die in here
        record.facts(signal_woke=who_woke(crew, before))
        finish(crew)


def bad():
    """SIGTERM to a worker's thread id, no handler: the process dies."""
    signal_from_outside(handler=None)


def bad_handler():
    """The same kill with a Python handler: the wrong thread handles it."""
    signal_from_outside(handler=records_only)


def bad_pthread_kill():
    """signal.pthread_kill: the kernel wakes only the target; Python still
    runs the handler in the main thread, and the target's recv resumes."""
    with scene(checks_stop=False, handler=records_only) as (crew, loop):
        before = crew.switches()
        target = crew.threads[TARGET]
        record.state(AIMED, thread=target)
        record.mark(f"pthread_kill({TARGET}, SIGTERM)")
        record.facts(target_tid=crew.tid(TARGET))
        record.state("waiting")
        signal.pthread_kill(target.ident, signal.SIGTERM)
        loop.serve(until=loop.signalled.is_set)
        # who_woke waits until the target is in recv again: PEP 475 retried it.
        record.facts(signal_woke=who_woke(crew, before), target_call_resumed=True)
        finish(crew)


# ------------------------------------------------------------------ fixed

def fixed():
    """One worker stopped by name over the control channel; no signal."""
    with scene(checks_stop=True, handler=sets_shutdown) as (crew, loop):
        before = crew.switches()
        record.mark(f"control: stop {TARGET}")
        record.facts(target_tid=crew.tid(TARGET))
        record.state("waiting")
        loop.ask(f"stop {TARGET}")  # any thread, or a socket from outside, could send it
        loop.serve(until=crew.stop_asked[TARGET].is_set)
        record.facts(signal_woke=who_woke(crew, before))  # a stop request wakes no one
        finish(crew)


def fixed_sigterm():
    """The fixed design hit by the same kill as bad: a graceful drain."""
    with scene(checks_stop=True, handler=sets_shutdown) as (crew, loop):
        before = crew.switches()
        record.state("waiting")
        aim_at_target(crew)
        loop.serve(until=crew.shutdown.is_set)
        record.facts(signal_woke=who_woke(crew, before))
        finish(crew)


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad": bad, "bad-handler": bad_handler, "bad-pthread-kill": bad_pthread_kill,
              "fixed": fixed, "fixed-sigterm": fixed_sigterm}
