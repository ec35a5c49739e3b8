"""Grade an answer on the grader's objects (the trusted engine).

Runs in the PARENT. One check = one sandboxed child (``labs.practice.jail``)
serving ``runs`` repetitions. For each repetition the exercise's scenario
(``Exercise.scenario(rep)``, grader side) creates the shared objects in the
arena, names the learner calls to run (``rep.spawn``), starts them
(``rep.go``), forces its moments by waiting on observed state in the arena
(``rep.until``), and ends with ``rep.finish()``: every call must have ended
within the repetition's budget, and then the kernel is asked what the
learner's code left behind (threads in /proc/PID/task, fds in /proc/PID/fd,
processes of the check's uid or under the child). The scenario returns the
repetition's facts, all computed from the arena's ledger and the kernel; the
exercise's checks turn them into pass/fail. A fact that is missing FAILS.

The per-repetition budget is the parent's: past it, the grader asks the child
for its stacks (SIGABRT, faulthandler) and the check ends there, whatever the
learner's code holds (the GIL included). After the check, every process of
the check's uid is killed (root), or every descendant of the child.
"""
from __future__ import annotations

import contextlib
import fcntl
import hmac
import os
import random
import secrets
import signal
import socket
import threading
import time

from labs.child import procfs, wait
from labs.contract.outcome import parse_dump
from labs.practice import arena as arena_mod
from labs.practice import guard
from labs.practice.arena import GObject, Raise, WithFds
from labs.practice.exercises import Check
from labs.practice.grade import Result, Run, cut
from labs.sandbox import supervise
from labs.sandbox.verdict import dump_part

STARTUP_S = 20.0     # the child's start, up to the learner's module loaded
SETTLE_S = 1.0       # how long a returned call's thread may take to vanish
LINGER_S = 0.05      # ... and a thread of the learner's own, joined, with no connection
FREEZE_S = 0.5       # before a dump: how long the stuck calls get to reach an operation
STAYS_S = 2.0        # blocked this long in one operation: named even inside a loop
END_S = 5.0          # after the last run: how long the child may take to end
JOIN_S = 2.0         # after the check: how long the grader's threads may take to end
HELD_CAP_S = 8.0     # per repetition: the most the budget grows by the time the grader held
PUSH_S = 1.0         # Rep.push_clock: the most it waits for the learner's process to settle
OUTWAIT_S = 5.0      # Rep.outwait: a timed wait of the learner's that runs out within this
LOOK_S = 0.05        # Rep.outwait: how long it looks for the timed waits
                     # the learner's operations (Rep.hold, Rep.until(held=True))
UID_BASE = 0x4C0000  # uids of checks run as root: UID_BASE + random

GUARD_HINTS = (
    "The grader ends a process whose code reaches for frames, the object graph, tracing, "
    "ctypes or /proc while it runs (labs/practice/guard.py): no answer needs them.",
    "Stop a thread with an Event it looks at; read only the objects you were given.")


def guarded(outcome) -> str:
    """What the guard stopped (the exit status is the kernel's word; the
    line naming what, the process's own)."""
    what = guard.detail(outcome.stderr or "") or (
        f"your code did what no answer needs (exit status {guard.STATUS}, no line said what)")
    return f"the grader's guard ended your process: {what}"


def told_text(value, width: int = 200) -> str:
    """A text the child told (an exception's type name or message), as one
    line of at most ``width`` characters (a class name of 30,000 characters
    on many lines became a message of 6,567 lines: hostile round, thirtieth
    session)."""
    return " ".join(str(value).split())[:width]


def told_frames(frames) -> list:
    """The learner's frames as the child told them (jail.learner_frames:
    [line, function, text] each), only those of that shape: whatever
    else a report carries is dropped, never read (a module of the
    learner's that spoke to the grader itself made its reading raise in the
    grader's own process: hostile round, thirtieth session)."""
    if not isinstance(frames, list):
        return []
    return [[f[0], told_text(f[1], 80), told_text(f[2], 120)] for f in frames[-3:]
            if isinstance(f, list) and len(f) == 3
            and type(f[0]) is int and all(isinstance(x, str) for x in f[1:])]


class GGrader(GObject):
    """The child's main thread: ``loaded``, ``load_failed``, ``next``."""
    kind = "Grader"

    def __init__(self):
        super().__init__(0, "grader")
        self.id = "grader"
        self.rep = None
        self.loading = False
        self.loaded = False
        self.load_problem = None
        self.spec = None          # the next repetition's spec, False when done
        self.spec_fds = []        # descriptors sent with it (the learner's ends of sockets)
        self.on_loading = lambda: None
        self.waiting = False      # the child's main thread is inside next()

    def op_loading(self, rec):
        """Before the learner's module runs: what the kernel shows now is
        the baseline every repetition is compared with."""
        self.loading = True
        self.on_loading()

    def op_loaded(self, rec):
        self.loaded = True
        self.changed()

    def op_load_failed(self, rec, kind="", message="", frames=()):
        if self.load_problem is None and not self.loaded:
            self.load_problem = (told_text(kind, 80), told_text(message), told_frames(frames))
        self.changed()

    def op_next(self, rec):
        self.waiting = True
        self.changed()
        try:
            self.arena.block(lambda: self.spec is not None, None, self)
        finally:
            self.waiting = False
        spec, self.spec = self.spec, None
        fds, self.spec_fds = self.spec_fds, []
        return WithFds(spec, fds) if spec and fds else spec or None


class GRep(GObject):
    """The child's reports about the learner calls of one repetition."""
    kind = "Rep"

    def __init__(self, rep, names, first_conn=0):
        super().__init__(rep, "rep")
        self.first_conn = first_conn             # the run's threads' connections start here
        self.finished: set[int] = set()          # their thread ids, done as the last call ended
        self.calls = {n: [] for n in names}  # name -> [{"k", "start", "end", "outcome"}]
        self.expected = {}                   # name -> number of calls
        self.over = False
        self.main_waiting = False            # the child's main thread waits for the end
        self.held_first = {}                 # name -> predicate: its first call waits for it
        self.pid = None                      # the learner's process (Rep.go)
        self.on_end = None                   # on_end(rec): a call ends (a scenario's hook,
                                             # under the monitor, before its thread hears back)

    def _mine(self, rec, k, opening, token=None):
        calls = self.calls.get(rec.who)
        if calls is None or not isinstance(k, int) or isinstance(k, bool):
            ok = False
        elif opening:
            ok = (not calls or calls[-1]["end"] is not None) and k == len(calls) \
                and k < self.expected[rec.who]
        else:
            ok = bool(calls) and calls[-1]["end"] is None and calls[-1]["k"] == k \
                and isinstance(token, str) and hmac.compare_digest(token, calls[-1]["token"])
        if not ok:
            self.arena.anomaly(f"a report on the grader's channel that matches no call "
                               f"of yours ({rec.who}, {rec.op}): a forged message?")
            raise Raise("RuntimeError", "no such call")
        return calls

    def op_call(self, rec, k):
        """A learner call begins; its answer is the call's token: only a
        report that carries it ends the call. The runner keeps it in a
        local variable, where no code of the learner's reads it (the policy
        refuses frames), so a report's line written to the thread's
        descriptor by other code (``os.write``) ends nothing: it is a
        forged message."""
        calls = self._mine(rec, k, True)
        held = self.held_first.get(rec.who)
        if held is not None and k == 0:  # a scenario's forced order, before any learner code runs
            self.block(held)
        token = secrets.token_hex(16)
        calls.append({"k": k, "start": rec.seq, "end": None, "outcome": None, "tid": rec.tid,
                      "token": token})
        self.changed()
        return token

    def op_returned(self, rec, k, value=None, token=None):
        c = self._mine(rec, k, False, token)[-1]
        c.update(end=rec.seq, outcome=("returned", value), queued=self._queued(rec))
        self._ended(rec)

    def op_raised(self, rec, k, type_name="", message="", frames=(), theirs=None, token=None):
        c = self._mine(rec, k, False, token)[-1]
        c.update(end=rec.seq, outcome=("raised", told_text(type_name, 80), told_text(message),
                                       told_frames(frames)),
                 queued=self._queued(rec),
                 # False: an exception of the learner's own; else the record that raised it
                 theirs=theirs if isinstance(theirs, int) else None)
        self._ended(rec)

    def _ended(self, rec) -> None:
        if self.on_end is not None:
            self.on_end(rec)
        self._note_finished()
        self.changed()

    def _queued(self, rec) -> float:
        """What the call's thread, and the grader's thread that serves it
        (this one), have waited for a CPU so far (Rep.queued_on)."""
        return (procfs.cpu_wait_s(self.pid, rec.tid)
                + procfs.cpu_wait_s(os.getpid(), threading.get_native_id()))

    def _note_finished(self):
        """As a call ends: which of the run's threads have finished their
        Python code, by the kernel's view of their connection: its other end
        is closed (a thread's locals go with its state, before a join of it
        can return). Such a thread may still be in /proc/PID/task when the
        run ends (it is leaving the kernel): it gets the runner threads'
        settle time. One that had not finished as the last call ended was
        left running by it."""
        self.finished = {c.tid for c in self.arena.conns[self.first_conn:]
                         if not c.open or _at_eof(c.sock)}

    def op_wait(self, rec):
        self.main_waiting = True
        self.changed()
        self.block(lambda: self.over, None)

    def ended(self) -> bool:
        return all(len(c) == self.expected[n] and c[-1]["end"] is not None
                   for n, c in self.calls.items())

    def pending(self) -> list[str]:
        return [n for n, c in self.calls.items()
                if not (len(c) == self.expected[n] and c[-1]["end"] is not None)]


# ---------------------------------------------------------------- the kernel's view

def _at_eof(sock) -> bool:
    """Has the other end of ``sock`` closed it (all it sent read or not)?
    A peek: nothing is taken from the serving thread."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:  # closed by its serving thread, which read the end of it
        return True


def fds_of(pid: int) -> dict[int, str]:
    out = {}
    try:
        names = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return out
    for fd in names:
        try:
            out[int(fd)] = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            pass
    return out


def uid_of(pid: int) -> int | None:
    """The real user id of process ``pid`` (/proc/PID/status), or None.
    Read with os.open and os.read: every run reads every process's."""
    try:
        fd = os.open(f"/proc/{pid}/status", os.O_RDONLY)
    except OSError:
        return None
    try:
        data = os.read(fd, 4096)
    except OSError:  # it ended between the open and the read
        return None
    finally:
        os.close(fd)
    at = data.find(b"\nUid:")
    try:
        return int(data[at + 5:].split(None, 1)[0]) if at >= 0 else None
    except ValueError:
        return None


def processes_of_uid(uid: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and uid_of(int(p)) == uid]


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            st = procfs.stat(int(p))
            if st and st[0] != "Z":
                children.setdefault(int(st[1]), []).append(int(p))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


UID_LOCKS = "/tmp/thread-kill-labs-uids"  # one file per uid a check holds (free_uid)


def free_uid() -> tuple[int, int]:
    """A user id for a check run as root, and the descriptor that holds it:
    no process has the id, and no other check on this machine holds it (an
    exclusive ``flock`` on its file in UID_LOCKS, kept until the check's
    ``cleanup``; the kernel drops it if the grader dies). Until the
    twenty-sixth session two checks at once could draw the same id, and each
    then killed the other's processes or named them as left running (two
    known wrong answers got those messages in one CI's make test, four
    workers)."""
    os.makedirs(UID_LOCKS, exist_ok=True)
    for _ in range(50):
        uid = UID_BASE + random.randrange(1, 1 << 16)
        fd = os.open(os.path.join(UID_LOCKS, str(uid)), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another check holds it
            os.close(fd)
            continue
        if processes_of_uid(uid):
            os.close(fd)
            continue
        return uid, fd
    raise RuntimeError("no free user id for the check")


def comm(pid: int, tid: int) -> str:
    try:
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


# ---------------------------------------------------------------- one repetition

class Rep:
    """What a scenario uses: the arena, its mode, and the learner's calls."""

    def __init__(self, session, n: int, mode: str):
        self.session, self.arena, self.n, self.mode = session, session.arena, n, mode
        self.threads: list[dict] = []
        self.reports: GRep | None = None
        self.started = None
        self.queued_base = 0.0  # queued_both (the child, the grader) when the calls started
        self.budget = session.ex.budget_s
        self.held_s = 0.0   # time the grader held the learner's operations: not the learner's
        self.not_reached: list[str] = []
        self.fatal: str | None = None
        self.expected_raises: set[str] = set(session.ex.passes_on)
        self.held_first: dict = {}  # name -> predicate (hold_first_call)
        self.on_end = None  # on_end(rec): as a call ends (GRep.on_end); set before go()
        self.helpers: set[str] = set()  # threads of the child's side that end with a call
        self.fds: list[int] = []    # descriptors to send with the spec (Rep.socket)
        self.explorer = None        # labs.practice.explore.Explorer, when exploring
        # arena.GClockNap: the learner's time.sleep goes to the grader's clock (a
        # scenario's fast period counts the naps itself); set before go()
        self.clock_nap = None
        # a GNap of the run's (pauses.LookNap): the learner's time.sleep waits in
        # the grader, where the run sees it begin (a nap a fast period passes
        # does not come); set before go()
        self.run_nap = None
        # where the learner's time.sleep goes in this run, once go() chose: the
        # explorer's GNap, clock_nap, run_nap, or None (it sleeps for real)
        self.sleeps_to = None
        # the learner's own timed waits are told, as they begin (wire.Clock.own_wait),
        # to this object of the run's (arena.GWaits; set before go()), a time.sleep
        # that stays in its process too: stop-one's spin watch. And in a pause run
        # (a run_nap in an exercise with pause_runs) where its sleeps go. (Not where
        # a fast period counts a napping consumer's looks in a row: a told wait is a
        # call; timeout-consumer's runs, each with a LookNap, have no pause_runs)
        self.waits_to = None
        # the run's own draws (a scenario's random moment), from the grading's seed
        self.rng = random.Random(session.order_seed * 1_000_003 + n)
        self.first = len(self.arena.ledger)  # this run's records start here
        self.first_conn = len(self.arena.conns)  # ... and its threads' connections

    def ledger(self) -> list:
        """This run's records of the grader's ledger (the arena keeps every
        run's, for the timeline): a run's facts read only these."""
        return self.arena.ledger[self.first:]

    def add(self, obj):
        return self.arena.add(obj)

    def socket(self, sock) -> dict:
        """An argument that is a socket: ``sock``'s descriptor is sent to the
        learner's process with the repetition's spec (SCM_RIGHTS); there the
        runner closes it after the calls. The caller closes its own copy."""
        self.fds.append(sock.fileno())
        return {"$sock": len(self.fds) - 1}

    def spawn(self, name: str, fn: str, *args, calls: int = 1, main: bool = False) -> None:
        """A learner call to run: in a thread called ``name``, or (``main``)
        in the child's main thread, whose name ``name`` must then be
        (``MainThread``): only there can the learner's code set a signal
        handler."""
        t = {"name": name, "fn": fn, "args": [_ref(a) for a in args], "calls": calls}
        if main:
            t["main"] = True
        self.threads.append(t)

    def go(self) -> None:
        """Start the learner's calls: answer the child's pending ``next``."""
        s, a = self.session, self.arena
        self.reports = a.add(GRep(self.n, [t["name"] for t in self.threads], self.first_conn))
        self.reports.expected = {t["name"]: t["calls"] for t in self.threads}
        self.reports.held_first = self.held_first
        self.reports.on_end = self.on_end
        self.reports.pid = s.pid
        a.wait_for(lambda: s.grader.waiting, STARTUP_S)
        self.base_tids, self.base_fds, self.base_procs = s.base
        strategy = s.strategy(self.n)
        if strategy is not None:
            from labs.practice.explore import Explorer
            self.explorer = Explorer(self, strategy)
            self.explorer.install()
            if s.nap is None:  # a learner's time.sleep, seen by the explorer
                s.nap = a.add(arena_mod.GNap())
        self.started = time.monotonic()
        self.queued_base = procfs.queued_both(s.pid)
        with a.cond:
            s.grader.spec = {"rep": self.reports.id, "threads": self.threads}
            if self.explorer is not None:
                self.sleeps_to = s.nap
            elif self.clock_nap is not None:
                self.sleeps_to = self.clock_nap
                s.grader.spec["nap_first"] = True
            else:
                self.sleeps_to = self.run_nap
            if self.sleeps_to is not None:
                s.grader.spec["nap"] = self.sleeps_to.id
            pause_run = self.session.ex.pause_runs and self.run_nap is not None
            told_to = self.waits_to if self.waits_to is not None else (
                self.sleeps_to if pause_run else None)
            if told_to is not None:
                s.grader.spec["tell_to"] = told_to.id
            s.grader.spec_fds = list(self.fds)
            a.cond.notify_all()

    def left(self) -> float:
        """What is left of the repetition's budget: ``budget_s``, plus the
        time the grader held the learner's operations (at most HELD_CAP_S),
        plus the time the kernel kept the learner's threads, or the grader's,
        waiting for a CPU (at most another ``budget_s``: a loaded machine's
        time is not the learner's; a reference failed its 3 s on a loaded
        3.10.13 without the learner's, a consumer's race under four spinning
        processes without the grader's)."""
        queued = min(self.budget, max(0.0, procfs.queued_both(self.session.pid) - self.queued_base))
        return max(0.0, self.started + self.budget + self.held_s + queued - time.monotonic())

    def spent(self) -> bool:
        """The budget is spent and a call is still running: the run is
        stuck, whatever the grader does now (``finish`` says so). The
        grader's own waits (a clock push, an outwait) are then skipped: past
        the budget they would only delay the end (a check of code holding
        the GIL took 6 s more in lost-task's trickle run, twenty-fifth session)."""
        return self.reports is not None and not self.reports.ended() and self.left() <= 0

    def queued_on(self, name: str) -> float | None:
        """Seconds the thread that runs ``name``'s calls, and the grader's
        thread that serves it, have waited for a CPU so far: a loaded
        machine's time, which a latency the grader times from one of its
        moments to the call's end does not count (each call's end records
        the same sum: ``calls_of(name)[k]["queued"]``). Only these two: time
        the learner's other threads or processes waited (spinners of its
        own, say) is no excuse. None before the call has started."""
        calls = self.arena.of(self.reports, "call", name) if self.reports is not None else []
        if not calls:
            return None
        return self._waited(self.arena.conns[calls[0].conn - 1])

    def _waited(self, conn) -> float:
        """Seconds a connection's two threads have waited for a CPU so far:
        the learner's that calls on it, the grader's that serves it."""
        return (procfs.cpu_wait_s(self.session.pid, conn.tid)
                + procfs.cpu_wait_s(os.getpid(), conn.server_tid))

    def queued_conns(self) -> dict[int, float]:
        """Seconds each of this run's connections has waited for a CPU so
        far, by its id: the learner's thread that calls on it and the
        grader's that serves it (one of the two runs at a time: their waits
        do not overlap, as the waits of two threads of the learner's can)."""
        return {c.id: self._waited(c) for c in self.arena.conns[self.first_conn:]}

    def served_run(self) -> float:
        """CPU seconds the grader's threads that serve this run's connections
        have used so far: the CPU the learner's operations cost on the
        grader's side (a consumer that spins on ``get_nowait()`` burns about
        as much there as in its own process)."""
        return sum((procfs.schedstat(os.getpid(), c.server_tid) or (0, 0))[0] / 1e9
                   for c in self.arena.conns[self.first_conn:] if c.server_tid)

    def queued_run(self) -> float:
        """Seconds the learner's threads, and the grader's threads that serve
        this run's connections, have waited for a CPU so far (the threads
        alive now): queued_on for a whole process and its run."""
        return procfs.queued_s(self.session.pid) + sum(
            procfs.cpu_wait_s(os.getpid(), c.server_tid) for c in self.arena.conns[self.first_conn:])

    def push_clock(self, seconds: float, restless=None) -> bool:
        """Move the learner's clocks on by ``seconds`` at once, whatever its
        threads wait in (arena.GTick; fast_clock and pushed_clock exercises). First the
        learner's process must be at rest (``at_rest``, two reads that
        agree): every thread in a wait, none on its way to one, so that each
        timed wait of the learner's own took its deadline before the push (a
        Timer just started would take it after, and never fire). Then the
        push; then the grader waits until the child has applied it, each
        thread that was in a wait of its own that can time out has woken
        since (the kernel's count of its wake-ups), and the process is at rest
        again. A timed wait of the learner's own whose deadline the push
        passed has then ended, and what it did next (a threading.Timer that
        fired and put "quit", say) is in the ledger. At most PUSH_S for each
        of the two rests, the grader's time (held); ``restless()``, if given,
        ends the wait for the first rest at once when it holds (a process
        that will not rest: a loop that looks again and again), and the push
        is made then. False when there is no clock to push, the run is spent
        (``spent``), or it did not settle."""
        s, a = self.session, self.arena
        tick, pid, t0 = s.tick, s.pid, time.monotonic()
        if tick is None or pid is None or self.spent():
            return False
        timed = {}  # thread -> its wake-ups, for those in a wait of their own that can time out

        def at_rest_before() -> bool:
            rest = self.at_rest(pid, reads=2)
            timed.clear()
            for tid, call in (rest or {}).items():
                if call and procfs.timed_wait(pid, tid) is not None:  # (an untimed epoll: no)
                    try:
                        timed[tid] = procfs.context_switches(tid, True, pid=pid)
                    except OSError:
                        pass  # gone
            return rest is not None
        def machine() -> float:  # a loaded machine's time: the bounds move on by it
            return procfs.queued_both(pid)
        restive = []  # restless() held first

        def ready() -> bool:
            if at_rest_before():
                return True
            if restless is not None and restless():
                restive.append(True)
                return True
            return False
        rested = wait.until(ready, PUSH_S, poll=0.002, queued=machine) and not restive
        with a.cond:
            n = tick.push(seconds)
        t1 = time.monotonic()

        def left() -> float:
            return max(0.0, PUSH_S - (time.monotonic() - t1))
        settled = (rested and a.wait_for(lambda: tick.heard >= n or a.child_gone, PUSH_S)
                   and not a.child_gone
                   and wait.until(lambda: self._woke(pid, timed)
                                  and self.at_rest(pid) is not None, left(), poll=0.002,
                                  queued=machine))
        self.hold(time.monotonic() - t0)
        return settled

    def outwait(self, done) -> list[str]:
        """The grader waits, in real time, until each wait with a timeout
        that a thread of the learner's process is in now has run out, when
        it runs out within OUTWAIT_S; then until the process is at
        rest again (``at_rest``); sooner if ``done()``. What no fast clock
        reaches: a wait in the kernel (``select(timeout=2)`` on a real
        socket), a ``threading.Timer`` where ``threading`` is not on the fast
        clock. The kernel names the call and its timeout
        (``procfs.timed_wait``); it has run out once the thread woke (its
        count of wake-ups). The time is held; the operations the learner's
        threads make meanwhile go on (an explorer goes on choosing once the
        look is over: during it, the threads go on only to their next
        operation). The system calls waited out ([]: none, nothing was
        waited for)."""
        pid, a, t0 = self.session.pid, self.arena, time.monotonic()
        if pid is None or self.spent():
            return []

        def over() -> bool:
            return bool(done() or self.session.gone or a.anomalies or a.child_gone)
        # looked at for LOOK_S: a thread caught on its way to its wait may be
        # waiting for the GIL just then (a timed futex wait of 5 ms); each
        # thread's longest wait seen counts, with its wake-ups at that moment
        seen: dict[int, tuple[str, float, int]] = {}

        def look() -> bool:
            for tid in procfs.tids(pid):
                found = procfs.timed_wait(pid, tid)
                if found is None or found[1] > OUTWAIT_S or found[1] <= seen.get(tid, ("", -1, 0))[1]:
                    continue
                try:
                    seen[tid] = (*found, procfs.context_switches(tid, True, pid=pid))
                except OSError:
                    pass  # gone
            return over() or time.monotonic() - t0 >= LOOK_S
        # (no choice is made meanwhile: how far the learner's threads get in
        # LOOK_S is time, and where the scenario's next move comes must not be)
        wait.until(look, 2 * LOOK_S, poll=0.002)
        if not seen or over():
            self.hold(time.monotonic() - t0)
            return []
        timed = {tid: n for tid, (_, _, n) in seen.items()}
        end, woke = time.monotonic() + max(s for _, s, _ in seen.values()) + 0.2, False
        waiting: set[int] = set()  # the timed operations in the grader once they woke

        def settled() -> bool:
            nonlocal woke
            if not woke and (self._woke(pid, timed) or time.monotonic() > end):
                woke = True  # each of those operations may now end as its timeout says:
                with a.cond:  # the thread that made it has one more look before the rest
                    waiting.update(r.seq for r in a.current.values()
                                   if r.until is not None and r.until <= time.monotonic() + OUTWAIT_S)
            if over():
                return True
            with a.cond:
                if any(r.seq in waiting for r in a.current.values()):
                    return False
                if woke and self.explorer is not None and self.explorer.pending:
                    return False  # an operation at the explorer's gate: its turn first
            return woke and self.at_rest(pid) is not None
        self._poll(settled, end + PUSH_S - time.monotonic())
        self.hold(time.monotonic() - t0)
        return sorted({call for call, _, _ in seen.values()})

    def _poll(self, predicate, bound_s: float) -> bool:
        """``wait.until(predicate)`` on what the kernel shows, looked at
        every 2 ms, at most ``bound_s``; an explorer goes on choosing
        meanwhile (the scenario waits)."""
        if self.explorer is not None:
            self.explorer.scenario_waits(predicate)
        try:
            return wait.until(predicate, max(0.0, bound_s), poll=0.002,
                              queued=lambda: procfs.queued_both(self.session.pid))
        finally:
            if self.explorer is not None:
                self.explorer.scenario_waits(None)

    @staticmethod
    def _woke(pid, timed: dict) -> bool:
        for tid, before in timed.items():
            try:
                if procfs.context_switches(tid, True, pid=pid) <= before:
                    return False
            except OSError:
                pass  # gone
        return True

    def at_rest(self, pid, reads: int = 1) -> dict | None:
        """The learner's process with nothing in flight: no thread of it runs
        (``reads`` reads that agree: procfs.standing_still; one is a snapshot,
        for a process whose sliced waits wake every 50 ms), and every thread
        that waits for a reply has an operation the grader holds, parked at
        the monitor's current version (it re-checked after the last change: a
        get() a put just woke is on its way, not at rest; labs.practice.arena,
        ``Record.parked``) or waiting at the explorer's gate. The system call
        each thread is in, or None."""
        still = procfs.standing_still(pid, reads=reads)
        if still is None:
            return None
        a = self.arena
        gate = self.explorer.pending if self.explorer is not None else {}
        with a.cond:  # the operations waiting in the grader now (Arena.current), or at the gate
            waiting = {r.tid for r in a.current.values()
                       if r.parked == a.cond.version or r.conn in gate}
        ok = all(not call or call.split()[0] not in procfs.RECEIVE or tid in waiting
                 for tid, call in still.items())
        return still if ok else None

    def hold(self, seconds: float) -> None:
        """The grader holds a learner's operation for ``seconds`` (a timed
        join it keeps waiting its full timeout): the budget grows by as much,
        up to HELD_CAP_S in all."""
        self.held_s = min(HELD_CAP_S, self.held_s + max(0.0, float(seconds)))

    def wait(self, predicate, held: bool = False) -> bool:
        """Wait on the monitor until ``predicate()``, the child is gone or
        the budget (which a hold can grow meanwhile) runs out. ``held``: the
        grader holds the learner's code all along (a forced quiet period):
        the time waited does not count against the budget, up to the cap,
        except the CPU the learner's process used meanwhile."""
        if self.explorer is not None:  # the explorer chooses only while the scenario waits
            self.explorer.scenario_waits(predicate)
            try:
                return self._wait(predicate, held)
            finally:
                self.explorer.scenario_waits(None)
        return self._wait(predicate, held)

    def _wait(self, predicate, held: bool) -> bool:
        a, t0, base = self.arena, time.monotonic(), self.held_s
        ran0 = procfs.cpu_s(self.session.pid) if held else 0.0

        def credit() -> None:
            # held: the time waited is the grader's, but not the CPU the
            # learner's process used meanwhile (code that loops without an
            # operation, never quiet, gets no more than its budget)
            if held:
                ran = procfs.cpu_s(self.session.pid) - ran0
                self.held_s = min(HELD_CAP_S,
                                  max(self.held_s, base + time.monotonic() - t0 - ran))
        while True:
            credit()
            left = self.left()
            if a.wait_for(predicate, min(left, 0.25) if held else left):
                return True
            credit()
            if a.child_gone or a.closed or self.left() <= 0:
                return bool(predicate())

    def until(self, predicate, what: str, held: bool = False) -> bool:
        """Wait on observed state (never a sleep); False, and noted, when
        the repetition's budget ran out or the child died first."""
        # every learner call has ended: nothing can bring the moment any more
        over = (lambda: self.reports.ended()) if self.reports is not None else (lambda: False)
        self.wait(lambda: predicate() or bool(self.arena.anomalies) or over(), held)
        ok = bool(predicate()) and not self.arena.anomalies
        if not ok and not self.arena.anomalies:
            self.not_reached.append(what)
        return ok

    def hold_first_call(self, name: str, until) -> None:
        """A forced order: ``name``'s first call starts only once ``until()``
        holds (checked under the monitor). Held before the call, the thread
        holds nothing of the learner's, so no lock of theirs can deadlock on it."""
        self.held_first[name] = until

    def calls_of(self, name: str) -> list[dict]:
        return self.reports.calls[name]

    def tid_of(self, name: str) -> int | None:
        """The kernel thread id of the thread that runs ``name``'s calls (its
        latest); None before its first call."""
        calls = self.reports.calls[name]
        return calls[-1]["tid"] if calls else None

    def ended(self, name: str) -> bool:
        c = self.reports.calls[name]
        return len(c) == self.reports.expected[name] and c[-1]["end"] is not None

    def finish(self) -> dict:
        """Every call ended within the budget? Then what was left behind."""
        a, s = self.arena, self.session
        # the child's main thread must be inside its ``wait`` before the run ends
        # (else its wait would arrive after the end, as a late operation)
        done = self.wait(lambda: (self.reports.ended() and self.reports.main_waiting)
                         or bool(a.anomalies))
        done = done and self.reports.ended()
        facts = {"calls_ended": done, "pending": self.reports.pending(),
                 "not_reached": list(self.not_reached)}
        facts["anomalies"] = [t for n, t in a.anomalies]
        if a.anomalies:  # not an operation: the check ends here, the same way every time
            self.fatal = "anomaly"
            s.kill_child()
            return facts
        if not done and s.gone:
            self.fatal = "gone"
            return facts
        if not done:
            # a lock taken during a call that has returned since: leaked
            held = [o.owner_name for o in a.objects.values()
                    if isinstance(o, arena_mod.GLock) and o.rep == self.n and o.owner_name
                    and any(c["end"] is not None and c["start"] < o.owner_seq < c["end"]
                            for c in self.reports.calls.get(o.owner_name, []))]
            facts["held"] = held
            facts["stuck"] = s.stuck_where(self)
            self.fatal = "stuck"
            return facts
        # The runner threads end right after their last report: wait for the
        # kernel to see them gone (observed state, bounded: SETTLE_S, plus the
        # time both processes waited for a CPU meanwhile, up to the budget, as a loaded
        # machine's time is not the learner's). So for a thread of the
        # learner's that had finished as the last call ended (a joined one:
        # GRep._note_finished). Any other thread of the learner's that is
        # still there now was left behind, however soon it would have ended.
        names = {t["name"] for t in self.threads if not t.get("main")} | self.helpers
        conns = a.conns[self.first_conn:]  # the main thread's may be older: not a runner
        runners = {c.tid for c in conns if c.name in names} | self.reports.finished
        # (the runner's own work after its report counts as the waits do: it
        # collects the garbage the call left, gc.collect(), and closes what it
        # lent; a spinning reader's runner was still there after 1 s under heavy
        # load, twenty-fifth session, and its thread and sockets were called left)
        def moved() -> float:
            return procfs.queued_both(s.pid) + procfs.cpu_s(s.pid)
        end, moved0 = time.monotonic() + SETTLE_S, moved()
        while not s.gone:
            extra = set(procfs.tids(s.pid)) - self.base_tids
            if not extra & runners:
                break
            if time.monotonic() >= end:  # SETTLE_S is up: and the time they waited or ran?
                if time.monotonic() >= end + wait.moved_on(moved(), moved0, self.budget):
                    break
            time.sleep(0.002)
        # A thread of the learner's own that was joined has finished its Python
        # code, but may not have left the kernel yet (it had no connection to say
        # so): LINGER_S for it. One that runs on (a spinner, a Timer) is still there,
        # unless it happens to end within those 50 ms; one seen meanwhile in a wait
        # of its own (a nap: a thread on its way out never waits) is left all the
        # same (ninth hostile reading: helpers that napped 30 or 40 ms after the
        # call returned, then ended, passed every grading). Those 50 ms are the
        # machine's: they move on by the time both processes waited for a CPU
        # meanwhile, up to 50 ms more (a loaded machine)
        napping = set()

        def lingering_done() -> bool:
            if s.gone:
                return True
            extra = set(procfs.tids(s.pid)) - self.base_tids
            napping.update(t for t in extra if procfs.naps(s.pid, t))
            return not extra - napping
        wait.until(lingering_done, LINGER_S, poll=0.001,
                   queued=lambda: procfs.queued_both(s.pid))
        extra = sorted((set(procfs.tids(s.pid)) - self.base_tids) | napping)
        names = {c.tid: c.name for c in conns}
        facts["threads_left"] = [f"{names.get(t) or comm(s.pid, t)} (thread id {t})"
                                 for t in extra]
        now_fds = fds_of(s.pid)
        left_fds = [(fd, what) for fd, what in sorted(now_fds.items())
                    if s.base_fds_ok(fd, what, self.base_fds)]
        # a thread left running keeps its connection to the grader open: a
        # socket that is the check's, not the learner's. As many sockets as such
        # connections are not named (which fds they are, the kernel does not
        # say here); the thread left is (a hostile round, thirty-second
        # session, was told of an "fd 9 (socket:[...])" it never opened)
        with a.cond:
            theirs = sum(1 for c in a.conns if c.tid in extra and c.open)
        sockets = [x for x in left_fds if x[1].startswith("socket:")]
        if sockets and len(sockets) <= theirs:
            left_fds = [x for x in left_fds if x not in sockets]
        facts["fds_left"] = [f"fd {fd} ({what})" for fd, what in left_fds]
        facts["processes_left"] = sorted(set(s.processes()) - self.base_procs)
        if extra or facts["processes_left"]:
            self.fatal = "left"
        with a.cond:
            self.reports.over = True
            a.rep_n = 0
            a.cond.notify_all()
        facts["anomalies"] = [t for n, t in a.anomalies if n == self.n]
        facts["raised"] = [(name, c["outcome"]) for name, cs in self.reports.calls.items()
                           for c in cs if c["outcome"] and c["outcome"][0] == "raised"
                           and c["outcome"][1] not in self.expected_raises]
        return facts


SEED_MAX = 10**6  # order seeds are below this: short enough to read and type


ORDER_SEED_ENV = "LABS_ORDER_SEED"  # a fixed seed for stored outputs (notebooks/conftest.py)
ORDER_KEY_ENV = "LABS_ORDER_KEY"    # a class's key: the same orders on every grader's machine
ORDER_KEY_FILE = os.path.join("thread-kill-labs", "order-key")  # under $XDG_CONFIG_HOME


def order_key() -> bytes | None:
    """The key that turns an answer into the order of its runs:
    ``$LABS_ORDER_KEY`` when set (an instructor's, for a class graded on
    several machines), else this user's own, made at random on first use
    in ``$XDG_CONFIG_HOME/thread-kill-labs/order-key`` (``~/.config``;
    readable by this user only). None when it can be neither read nor made
    (a home that cannot be written): each grading then draws its own order."""
    given = os.environ.get(ORDER_KEY_ENV, "")
    if given:
        return given.encode()
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    path = os.path.join(config, ORDER_KEY_FILE)
    try:
        with open(path, "rb") as f:
            key = f.read().strip()
        if key:
            return key
    except OSError:
        pass
    try:  # made whole, then linked: a grading running beside this one reads all of it
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        tmp = f"{path}.{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(os.urandom(32).hex() + "\n")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        with open(path, "rb") as f:
            return f.read().strip() or None
    except OSError:
        return None


def new_seed(exercise_id: str, source: str) -> int:
    """A grading's order seed. ``$LABS_ORDER_SEED`` when set (nbval and
    scripts/refresh_notebooks.py set it, so that a notebook's stored result
    is that of one order: never set it for a class). Else the answer's own:
    a keyed hash (HMAC-SHA256, ``order_key``) of the exercise and the code, so
    that the same file runs in the same order, and gets the same verdict, on
    every grading with that key (an answer that misbehaves in some calls only
    is not passed by one grading and failed by the next), while no learner
    can know the order without the key. Without a key, from the system's
    randomness."""
    fixed = os.environ.get(ORDER_SEED_ENV, "")
    if fixed.isdigit():
        return int(fixed)
    key = order_key()
    if key is None:
        return random.SystemRandom().randrange(1, SEED_MAX)
    digest = hmac.new(key, f"{exercise_id}\0{source}".encode(), "sha256").digest()
    return 1 + int.from_bytes(digest[:8], "big") % (SEED_MAX - 1)


def order(ex, runs: int, seed: int) -> list[tuple[int, str]]:
    """(run number, mode) of ``runs`` runs, in the order they run. The modes
    are the fixed cycle's (run n in ``ex.modes[(n - 1) % len(ex.modes)]``),
    shuffled by ``seed``: no run keeps the fixed cycle's mode at its place
    when that leaves every place a choice (no mode in half the runs or more),
    so an answer tuned to the cycle meets a mode it did not expect in every
    run; and a mode of ``ex.runs_after`` ((later, earlier), ...) runs only
    after the first run of the other (a run that needs what that one
    measured). The k-th run of a mode in this order is numbered as the k-th
    run of that mode in the cycle."""
    cycle = [ex.modes[i % len(ex.modes)] for i in range(runs)]
    rng = random.Random(seed)
    counts = {m: cycle.count(m) for m in cycle}
    derange = 2 * max(counts.values(), default=0) < runs

    def fits(modes, strict):
        if strict and any(a == b for a, b in zip(modes, cycle)):
            return False
        for later, earlier in ex.runs_after:
            if earlier in modes and later in modes and modes.index(later) < modes.index(earlier):
                return False
        return True

    modes = list(cycle)
    for strict in ((True, False) if derange else (False,)):
        for _ in range(5000):
            rng.shuffle(modes)
            if fits(modes, strict):
                break
        else:
            continue
        break
    else:
        modes = list(cycle)
    numbers = {m: [i + 1 for i, c in enumerate(cycle) if c == m] for m in counts}
    return [(numbers[m].pop(0), m) for m in modes]


def _ref(value):
    if isinstance(value, GObject):
        return value.ref()
    if isinstance(value, (list, tuple)):
        return [_ref(v) for v in value]
    return value


# ---------------------------------------------------------------- generic checks

def _no_exception(f):
    if not f["raised"]:
        return True, "none"
    name, (_, typ, msg, frames) = sorted(f["raised"], key=lambda x: x[0])[0]
    where = ""
    if frames:
        line, func, text = frames[-1]
        where = f" in {func}, line {line}: {text}"
    return False, f"{name} raised {typ}: {msg}{where}"


def _left_behind(f):
    def listed(items) -> str:  # the first four, and how many more
        more = f" and {len(items) - 4} more" if len(items) > 4 else ""
        return ", ".join(map(str, items[:4])) + more
    parts = []
    if f["threads_left"]:
        parts.append("thread(s) still running after your function returned: "
                     + listed(f["threads_left"]))
    if f["fds_left"]:
        parts.append("file descriptor(s) left open: " + listed(f["fds_left"]))
    if f["processes_left"]:
        parts.append("process(es) left running: " + listed(f["processes_left"]))
    return (not parts), "nothing" if not parts else "; ".join(parts)


def _only_operations(f):
    a = f["anomalies"]
    return not a, "only operations" if not a else a[0]


def _moments(f):
    nr = f["not_reached"]
    return not nr, "every one" if not nr else "never reached: " + "; ".join(nr)


def left_hints(ex) -> tuple:
    """Hints for "nothing left behind": the last names where the exercise's
    lab shows the pattern (its threads joined, what it opens closed)."""
    return ("Your code left something running or open after it returned.",
            "Join every thread you start; close every selector and socket you open "
            "(`with` does it).",
            ex.lab_cell)


GRADER_BUG_HINTS = (
    "The check itself failed: a bug of the grader's, not a verdict on your code.",
    "Please report it with the line above and your file; the other runs were not run.",
    "Meanwhile, your code may still be read against the statement by hand.")


def grader_bug(n: int, mode: str, e: BaseException) -> str:
    """One line for an exception raised by the grader's own code (a
    scenario or a check): where in the grader, never a traceback."""
    import traceback
    frames = [f for f in traceback.extract_tb(e.__traceback__)
              if "/labs/practice/" in f.filename.replace("\\", "/")]
    where = f" ({os.path.basename(frames[-1].filename)}, line {frames[-1].lineno})" if frames else ""
    return (f"the check itself failed in run {n} ({mode}), a bug of the grader's: "
            f"{type(e).__name__}: {str(e)[:200]}{where}")


def generic_checks(ex) -> tuple:
    return (
        Check("your function returned", "every call returned", _returned,
              ex.ended_hints or ("Your code never returned.",
                                 "Every wait needs a way out: a stop check, a timeout or a "
                                 "wake-up.", ex.lab_cell)),
        Check("your code raised no exception" + (
                  " but " + " or ".join(ex.passes_on) if ex.passes_on else ""),
              "none", _no_exception,
              ("Your code raised an exception: read its line above.",
               "Run the function by hand on simple arguments to see the error in full.",
               ex.lab_cell)),
        Check("nothing left behind", "nothing", _left_behind, left_hints(ex)),
        Check("only operations on the check's objects", "only operations", _only_operations,
              ("Your process sent the grader something that is not an operation, or an "
               "operation after its run ended.",
               "Use only the methods the statement names, on the objects you were given.",
               ex.lab_cell)),
        Check("every moment of the check was reached", "every one", _moments,
              ex.moment_hints or ("The check could not force the moment it is built on.",
                                  "Call the methods the statement names, in that order.",
                                  ex.lab_cell)),
    )


def _returned(f):
    if f["calls_ended"]:
        return True, "every call returned"
    held = f" (the lock is held by {f['held'][0]})" if f.get("held") else ""
    # a moment the check waited for and never saw: what it was waiting for
    # when the budget ran out (a stop it never set, say), not a hang of its own
    waiting = f"; the check never saw {f['not_reached'][0]}" if f.get("not_reached") else ""
    return False, f"still running at the end of the run: {', '.join(f['pending'])}{held}{waiting}"


def measure(checks, facts) -> list:
    """Every check on the repetition's facts. A missing fact fails the check
    that needs it, except in a run that never finished: that run already
    fails, and says where its calls were stuck."""
    out = []
    stuck = not facts.get("calls_ended", False)
    if facts.get("anomalies"):  # the check ended at the first thing that is not an operation
        checks = [c for c in checks if c.measure is _only_operations]
    elif stuck:  # what the ledger says of a run cut off midway depends on where it was cut
        checks = [c for c in checks if c.in_cut_runs] + [
            c for c in checks if c.measure is _returned]
    for check in checks:
        try:
            got = check.measure(facts)
        except (KeyError, IndexError, TypeError) as missing:
            if stuck:
                continue
            got = (False, f"not measured ({missing!s}): the run did not reach it")
        if got is None:
            got = (False, "not measured: the run did not reach it")
        if stuck and check.in_cut_runs and got[0]:
            continue  # (a flaw it did not find: the run is still cut)
        # (values of the learner's in it: a list of 200 strings made a line of 41,055)
        out.append((check, bool(got[0]), cut(str(got[1]), MEASURED_MAX)))
    return out


MEASURED_MAX = 600  # characters of what a check measured, as the learner reads it


# ---------------------------------------------------------------- the session

_REACH = threading.Lock()
_reach_checks = [0, None]  # checks that run now without root, the grader's dumpable flag before


def _prctl(option: int, value: int = 0) -> int:
    """Linux's prctl(2); -1 where it cannot be called."""
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return -1


@contextlib.contextmanager
def out_of_reach(needed: bool):
    """While a check runs without root, the grader is not dumpable
    (``prctl(PR_SET_DUMPABLE, 0)``): the learner's process then runs as the
    grader's own user, and the kernel would let it read and write the
    grader's memory (``/proc/PID/mem``: 16 bytes read so, as ``nobody``, the
    guard out of the way, thirtieth session); only root may now. As root the
    learner's process has a user of its own (``free_uid``): nothing to do.
    Checks that run at once (a class graded in threads) share it: the flag is
    set back when the last one ends. The learner's process execs a fresh
    interpreter: it is dumpable again, and the grader reads its ``/proc``."""
    if not needed:
        yield
        return
    with _REACH:
        if _reach_checks[0] == 0:
            _reach_checks[1] = _prctl(3)  # PR_GET_DUMPABLE
            _prctl(4, 0)                  # PR_SET_DUMPABLE
        _reach_checks[0] += 1
    try:
        yield
    finally:
        with _REACH:
            _reach_checks[0] -= 1
            if _reach_checks[0] == 0 and _reach_checks[1] == 1:  # (2 is not prctl's to set)
                _prctl(4, _reach_checks[1])


class Session:
    def __init__(self, ex, source: str, runs: int, python=None, progress=None,
                 schedule=None, seed: int = 0, exhaust: int = 0, bound: int | None = None,
                 order_seed: int | None = None, guarded: bool = True):
        from labs.practice import explore
        self.ex, self.source, self.runs, self.python = ex, source, runs, python
        # False only in the tests of what lies below it (the call's token)
        self.guarded = guarded
        # the order of the runs' modes, and any other draw of the check's
        # (Rep.rng): the answer's own unless given (a replay of a grading)
        self.order_seed = new_seed(ex.id, source) if order_seed is None else int(order_seed)
        self.bound = explore.BOUND if bound is None else bound  # preemptions, exhausting
        self.schedule, self.seed = schedule, seed  # a Schedule to replay; PCT's seed
        # exhaust > 0: first every schedule with at most ``bound`` preemptions,
        # mode by mode, up to ``exhaust`` schedules; PCT's ``runs`` only if that
        # was not all of them (explored exercises only)
        self.exhaust = exhaust if ex.explore_steps and schedule is None else 0
        self.exploration = None
        self.nap = None  # arena.GNap, made by the first run the explorer drives
        self.tick = None  # arena.GTick, the check's clock pushed (fast_clock, pushed_clock)
        self._strategies: dict[int, object] = {}
        self.planned_max = runs + self.exhaust
        self.progress = progress
        self.pid = None
        self.child = None
        self.gone = False
        self.uid, self.uid_held = free_uid() if os.geteuid() == 0 else (None, None)
        # one connection per learner thread per run (2 or 3 here), some to spare
        self.arena = arena_mod.Arena(tids_of_child=self._tids, max_connections=max(
            arena_mod.MAX_CONNECTIONS, 4 * self.planned_max))
        self.grader = self.arena.add(GGrader())
        self.outcome = None
        self.left_at = None  # the run after which the grader stopped (something left running)
        self.running_n = 0   # the number of the run running now (or last)
        self.last_facts: dict = {}  # the last run's facts (judge_exit: who sent a signal)
        self.started_child = threading.Event()
        self.base = (set(), {}, set())
        self.grader.on_loading = self._baseline

    def strategy(self, n: int):
        """Repetition ``n``'s scheduler: the replayed schedule's choices, PCT
        for an exercise that explores, else None (the threads run free)."""
        from labs.practice import explore
        if n in self._strategies:
            return self._strategies[n]
        if self.schedule is not None:
            return explore.Replay(self.schedule.choices)
        if self.ex.explore_steps:
            return explore.strategy_for(n, self.ex.explore_steps, self.seed)
        return None

    def plan(self, result):
        """(run number, mode, strategy or None) of each run, in the order they
        run. The runs' modes are those of the fixed cycle (``ex.modes``, run
        n in mode n - 1 modulo their number), run in a random order drawn
        from the grading's ``order_seed`` (``order``): an answer that counts
        its calls cannot know which mode a call is in. A run keeps its number
        in the fixed cycle (the k-th run of a mode is numbered as the k-th of
        that mode there), and so its PCT schedule: the result lists the runs
        by number, whatever order they ran in. Exhausting: the bounded
        enumeration (explore.Bounded) of each mode (``explore_modes`` if the
        exercise has them), fewest preemptions first across the modes, until
        it ends, a run fails or ``exhaust`` schedules have run; then, if the
        space was not exhausted, the PCT runs, in a random order too.
        ``self.exploration`` says which it was."""
        from labs.practice import explore
        ex = self.ex
        if not self.exhaust:
            if ex.explore_steps and self.schedule is None:
                self.exploration = {"exhausted": False, "bound": self.bound,
                                    "enumerated": 0, "sizes": {}, "pct": 0}
            if self.schedule is not None:
                yield 1, self.schedule.mode, None
                return
            for n, mode in order(ex, self.runs, self.order_seed):
                if self.exploration is not None:
                    self.exploration["pct"] += 1
                yield n, mode, None
            return
        x = self.exploration = {"exhausted": False, "bound": self.bound, "enumerated": 0,
                                "sizes": {}, "diverged": 0, "pct": 0}
        # every mode's schedules with no preemption, then those with one, ...
        # (iterative context bounding): a race shows at the fewest it needs
        enums = {mode: explore.Bounded(self.bound) for mode in ex.explore_modes or ex.modes}
        for limit in range(self.bound + 1):
            for mode, b in enums.items():
                while x["enumerated"] < self.exhaust:
                    strategy = b.next(limit)
                    if strategy is None:
                        break
                    x["enumerated"] += 1
                    yield x["enumerated"], mode, strategy
                    if result.runs and not result.runs[-1].passed:
                        b.take_in()
                        x["diverged"] = sum(e.diverged for e in enums.values())
                        return  # a failing schedule: the verdict is known
        for mode, b in enums.items():
            b.take_in()
            x["diverged"] += b.diverged
            if b.where is not None and "diverged_where" not in x:
                x["diverged_where"] = f"{mode}, {b.where}"
            if not b.left():
                x["sizes"][mode] = b.runs
        if len(x["sizes"]) == len(enums):
            x["exhausted"] = True
            return
        base = x["enumerated"]
        for n, mode in order(ex, self.runs, self.order_seed):
            x["pct"] += 1
            yield base + n, mode, explore.strategy_for(n, ex.explore_steps, self.seed)

    def _baseline(self) -> None:
        # the child can say "loading" before the sandbox's thread has heard of it
        # (on a loaded machine): without its pid the baseline would be empty, and
        # the child's own threads and stdio would count as left behind
        self.started_child.wait(STARTUP_S)
        self.base = (set(procfs.tids(self.pid)), fds_of(self.pid), set(self.processes()))

    def _tids(self):
        return set(procfs.tids(self.pid)) if self.pid else None

    def processes(self) -> list[int]:
        if not self.pid:
            return []
        if self.uid is not None:
            return [p for p in processes_of_uid(self.uid) if p != self.pid]
        return [p for p in descendants(self.pid)]

    def base_fds_ok(self, fd, what, base) -> bool:
        """A fd the learner's code opened and left open (not one that was
        there when the repetition began)."""
        return fd not in base or base[fd] != what

    def _on_start(self, child) -> None:
        self.child, self.pid = child, child.pid
        self.arena.child_end.close()  # the child holds its own copy
        threading.Thread(target=self._watch_exit, name="grader-exit", daemon=True).start()
        self.started_child.set()

    def _watch_exit(self) -> None:
        self.child.wait_exit(3600 * 24)
        with self.arena.cond:
            self.gone = True
            self.arena.child_gone = True
            self.arena.cond.notify_all()

    def _sandbox(self) -> None:
        payload = {"source": self.source, "functions": list(self.ex.functions),
                   "dial_fd": self.arena.child_end.fileno(), "uid": self.uid,
                   "modules": sorted(self.ex.modules), "engine": "arena",
                   "fast_clock": self.ex.fast_clock, "pause_runs": self.ex.pause_runs,
                   "guard": self.guarded}
        if self.ex.fast_clock or self.ex.pushed_clock:
            self.tick = self.arena.add(arena_mod.GTick())
            payload["tick"] = self.tick.id
        try:
            self.outcome = supervise.run(
                "practice", self.ex.id, deadline=STARTUP_S + self.planned_max * (2 * self.ex.budget_s + 2 + HELD_CAP_S),
                python=self.python, payload=payload,
                pass_fds=(self.arena.child_end.fileno(),), on_start=self._on_start)
        finally:
            self.started_child.set()
            with self.arena.cond:
                self.gone = self.arena.child_gone = True
                self.arena.cond.notify_all()

    def stuck_where(self, rep: Rep) -> str:
        """Where the calls that never ended are: the grader's own view (the
        operation they are blocked in), then the child's stacks (SIGABRT)."""
        a = self.arena
        pending = rep.reports.pending()

        def in_operation() -> dict:
            return {r.who: _describe(a, r) for r in rep.ledger()
                    if r.end is None and r.obj != "grader" and r.kind != "Rep"}

        # Freeze: every operation from now on waits in the grader, so that a
        # thread looping through operations stands still at its next one, in
        # its channel's recv, when the dump reads its frames (faulthandler
        # reads a running thread's frames without stopping it: they can come
        # out incomplete). A thread that runs without operations stays best effort.
        with a.cond:
            waiting = in_operation()  # where each was blocked before the freeze
            # ... and for how long: a thread blocked in one operation for
            # STAYS_S or more is not looping, whatever loop the call sits in
            since = {r.who: r.t for r in rep.ledger() if r.end is None and r.who in waiting
                     and r.obj != "grader" and r.kind != "Rep"}
            a.frozen = True
            a.cond.notify_all()
        a.wait_for(lambda: all(n in in_operation() for n in pending), FREEZE_S)
        self.ask_for_stacks()
        spots = self.learner_spots()
        parts = []
        for name in sorted(pending):
            where, looping = spots.get(name, (None, False))
            # A looping thread's operation at the dump is luck, as its line is;
            # one blocked in it for STAYS_S is not looping (a loaded machine
            # can starve a lock's holder for a second: measured on 3.10.13)
            stays = name in since and a.now() - since[name] >= STAYS_S
            inside = (f" waiting in {waiting[name]}" if name in waiting
                      and (not looping or stays) else "")
            parts.append(f"{name}{inside}" + (f" {where}" if where else ""))
        return "; ".join(parts) or "your function never returned"

    def kill_child(self) -> None:
        if self.child is not None and self.child.running():
            _kill(self.pid)
            self.arena.wait_for(lambda: self.gone, supervise.DUMP_GRACE_S)

    def ask_for_stacks(self) -> None:
        if self.child is not None and self.child.running():
            try:
                os.kill(self.pid, signal.SIGABRT)
            except ProcessLookupError:
                pass
            self.arena.wait_for(lambda: self.gone, supervise.DUMP_GRACE_S)

    def learner_spots(self) -> dict:
        """{thread name: ("in F, line N: text", looping)}: the innermost learner
        frame of each thread in the child's stack dump (thread names as their
        channels' hellos gave them: for display only). A thread inside a loop
        is named by the loop's header line (``looping``): which line of the
        loop the dump caught is luck."""
        self.sandbox_thread.join(supervise.DUMP_GRACE_S + 5)
        o = self.outcome
        if o is None:
            return {}
        lines = self.source.splitlines()
        try:
            loops = _loops(self.source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            loops = []  # the answer loaded in the child; a spot is then named by its line
        names = {getattr(c, "ident", 0): c.name for c in self.arena.conns}
        spots = {}
        for th in parse_dump(dump_part(o.stderr), names):
            mine = [(ln, fn) for path, ln, fn in th["frames"] if path == "<your code>"]
            if mine:
                ln, fn = mine[0]  # faulthandler lists the innermost frame first
                header = loop_around(loops, ln)
                ln = header or ln
                text = lines[ln - 1].strip() if 0 < ln <= len(lines) else "?"
                where = f"in the loop at line {ln}" if header is not None else f"line {ln}"
                spots.setdefault(th["name"], (f"in {fn}, {where}: {text}", header is not None))
        return spots

    def run(self) -> Result:
        with out_of_reach(self.uid is None):
            return self._run()

    def _run(self) -> Result:
        ex = self.ex
        result = Result(exercise=ex, planned=self.runs, source=self.source,
                        order_seed=self.order_seed)
        # a moment never reached is named after the exercise's own checks: when
        # the learner's function ended early, one of those says why
        generic = generic_checks(ex)
        checks = generic[:4] + tuple(ex.checks) + generic[4:]
        self.sandbox_thread = threading.Thread(target=self._sandbox, name="grader-sandbox",
                                               daemon=True)
        self.sandbox_thread.start()
        a, g = self.arena, self.grader
        try:
            a.wait_for(lambda: g.loaded or g.load_problem or self.gone, STARTUP_S)
            if not g.loaded:
                result.problem, result.bad_input = self.load_problem()
                return result
            done = 0
            for n, mode, strategy in self.plan(result):
                self.running_n = n
                if strategy is not None:
                    self._strategies[n] = strategy
                if self.progress is not None:
                    self.progress(done, self.planned_max, f"run {n} ({mode})")
                done += 1
                with a.cond:
                    a.rep_n, a.frozen = n, False
                rep = Rep(self, n, mode)
                try:
                    facts = ex.scenario(rep)
                    facts["mode"] = mode
                    measured = measure(checks, facts)
                except Exception as e:  # noqa: BLE001 - a bug of the grader's: one line, and it ends
                    result.fatal = grader_bug(n, mode, e)
                    result.fatal_hints = GRADER_BUG_HINTS
                    result.ended = n
                    break
                finally:
                    if rep.explorer is not None:
                        rep.explorer.uninstall()
                self.last_facts = facts
                if rep.fatal == "gone" and not facts["anomalies"]:  # it ended its own process
                    result.ended = 0
                    break
                run = Run(n, mode, facts, measured)
                if rep.explorer is not None:
                    from labs.practice.explore import LETTERS
                    if self.exploration is not None:
                        self.exploration["threads"] = max(self.exploration.get("threads", 0),
                                                          len(rep.threads))
                    x = rep.explorer
                    run.schedule = str(x.schedule)
                    run.explored = {"by": x.strategy.describe(), "choices": len(x.choices),
                                    "operations": x.steps, "straggled": x.straggled,
                                    "stragglers": sorted(x.stragglers),
                                    "diverged": getattr(x.strategy, "diverged", None),
                                    "missed": list(getattr(x.strategy, "missed", ())),
                                    "past_end": getattr(x.strategy, "past_end", None),
                                    "letters": {LETTERS[i]: t["name"]
                                                for i, t in enumerate(rep.threads)},
                                    "steps": x.trace()}
                result.runs.append(run)
                if rep.fatal == "stuck":
                    extra = (f" (+{rep.held_s:.1f} s the grader held your calls)"
                             if rep.held_s >= 0.05 else "")
                    result.fatal = (f"run {n} did not finish within {ex.budget_s:g} s{extra}: "
                                    f"{facts['stuck']}")  # (the summary counts the runs not run)
                    # "your function returned", or the flaw that kept it from it
                    # (Check.in_cut_runs: shutdown's long nap)
                    why = next(((c, m) for c, ok, m in run.results if not ok and c.in_cut_runs),
                               (checks[0], ""))
                    result.fatal_hints = why[0].hints_for(why[1])
                    result.ended, run.ended_by = n, why[0].name
                    break
                if rep.fatal == "anomaly":
                    result.fatal = f"the check ended at run {n}: {facts['anomalies'][0]}"
                    result.fatal_hints = checks[3].hints
                    result.ended, run.ended_by = n, checks[3].name
                    break
                if self.gone:
                    result.ended = 0
                    break
                if rep.fatal == "left":  # the next run would share what was left
                    self.left_at = n
                    result.ended, run.ended_by = n, checks[2].name
                    break
            if self.exhaust:  # as many runs as the enumeration made
                self.runs = result.planned = len(result.runs)
            result.runs.sort(key=lambda r: r.n)  # by number, whatever order they ran in
            result.exploration = self.exploration
            if not self.gone:
                with a.cond:
                    g.spec = False
                    a.cond.notify_all()
            self.sandbox_thread.join(END_S)
            self.judge_exit(result)
        finally:
            self.cleanup()
            if self.progress is not None:
                self.progress(self.planned_max, self.planned_max, "done")
        result.outcome = self.timeline_outcome()
        return result

    def judge_exit(self, result) -> None:
        """The child's exit status is always part of the verdict."""
        o = self.outcome
        if result.fatal:
            return
        if o is None:  # told to end, the child did not (os._exit replaced, say): killed
            result.fatal = (f"your code kept the process from ending after run {len(result.runs)}: "
                            f"it was still there {END_S:g} s after the grader let it go")
            result.fatal_hints = (
                "The process must be able to end: leave os._exit, sys.exit and atexit alone.",
                self.ex.lab_cell)
            return
        ex_ = o.exit
        # runs stopped by the grader (something was left running) end the child cleanly
        complete = len(result.runs) == self.runs or self.left_at is not None
        if ex_["code"] == 0 and not ex_["timed_out"] and complete:
            return
        n = self.running_n  # the run that was running when it ended
        if ex_["code"] == guard.STATUS and not ex_["timed_out"]:  # first: what ended it
            result.fatal = guarded(o)
            result.fatal_run = max(n, 1)
            result.fatal_hints = GUARD_HINTS
            return
        if self.arena.anomalies:  # something not an operation came first: the check ended there
            k, text = self.arena.anomalies[0]
            result.fatal = f"the check ended at run {k or max(n, 1)}: {text}"
            result.fatal_hints = generic_checks(self.ex)[3].hints
            return
        if ex_["timed_out"]:
            why = "the sandbox's deadline ended it"
        elif ex_["signal"]:
            why = f"killed by {ex_['signal']}"
        else:
            why = f"ended with exit status {ex_['code']} (os._exit or sys.exit?)"
        # the reason first: which run it was depends on the order of the runs
        result.fatal = f"your code ended the whole process: {why} (during run {max(n, 1)})"
        result.fatal_run = max(n, 1)
        killed = dict(self.ex.killed_hints).get(ex_["signal"])
        if killed and not ex_["timed_out"] and self.last_facts.get("signal_sent"):
            # the check's own signal, left to its default action: no call of the learner's
            result.fatal_hints = killed
            return
        result.fatal_hints = (
            "A thread must return to stop; ending the process stops every thread, mid-work.",
            "Never call os._exit, os.kill or sys.exit from a worker or a handler; set an Event.",
            self.ex.lab_cell)

    def load_problem(self) -> tuple[str, bool]:
        p = self.grader.load_problem
        if p is None:
            self.sandbox_thread.join(STARTUP_S)
            o = self.outcome
            if not self.grader.loading:
                raise RuntimeError("the practice child failed before running any code:\n"
                                   + (o.stderr[-2000:] if o is not None else "no outcome"))
            if o is not None and o.exit["signal"]:
                return f"your module ended the process while loading: killed by {o.exit['signal']}", False
            if o is not None and o.exit["code"] == guard.STATUS:
                return guarded(o) + " (while loading)", False
            if o is not None and o.exit["code"] is not None:
                return (f"your module ended the process while loading: exit status "
                        f"{o.exit['code']}"), False
            return "your module never finished loading", False
        kind, message, frames = p
        if kind == "missing":
            return f"no function named {message!r}", True
        if kind == "SyntaxError":
            return f"not valid Python: line {frames[0][0] if frames else '?'}: {message}", True
        where = ""
        if frames:
            line, _, text = frames[-1]
            where = f" (line {line}: {text})"
        return f"loading your code raised {kind}: {message}{where}", False

    def cleanup(self) -> None:
        """No process of the check outlives it: the child's group is killed
        by the sandbox; every process of the check's uid (or under the
        child) is killed here."""
        self.arena.close()
        if self.child is not None and self.child.running():
            for p in self.processes():
                _kill(p)
            _kill(self.pid)
        self.sandbox_thread.join(STARTUP_S)
        if self.uid is not None:
            end = time.monotonic() + 5
            while time.monotonic() < end:
                left = processes_of_uid(self.uid)
                if not left:
                    break
                for p in left:
                    _kill(p)
                time.sleep(0.01)
            if self.uid_held is not None:  # the id is free for another check now
                os.close(self.uid_held)
                self.uid_held = None
        self.arena.join(JOIN_S)  # its threads close their sockets as they end

    def timeline_outcome(self):
        """The sandbox's Outcome with a timeline drawn from the grader's
        ledger (the child's own events are not shown: it may write anything)."""
        import dataclasses
        o = self.outcome
        if o is None:
            return None
        events, rep_of = [], {}
        for r in self.arena.ledger:
            if r.kind == "Rep" and r.op == "call" and r.args == [0]:
                n = int(r.obj.split(".")[0][1:])
                if n not in rep_of:
                    rep_of[n] = r.t
                    events.append({"t": r.t, "kind": "rep", "n": n, "thread": "grader"})
            if r.kind == "Rep" and r.op in ("returned", "raised") and r.ok:  # its bar ends
                # (a report the grader refused, a forged one with too few
                # arguments, is no end: hostile round, thirtieth session)
                ended = "returned" if r.op == "returned" else \
                    f"died: {told_text(r.args[1], 80) if len(r.args) > 1 else '?'}"
                events.append({"t": r.t, "kind": "state", "thread": r.who, "state": ended})
            if r.kind in ("Grader", "Rep"):
                continue
            events.append({"t": r.t, "kind": "state", "thread": r.who,
                           "state": f"{r.kind.lower()}.{r.op}"})
        end = self.arena.now()
        return dataclasses.replace(o, timeline=events, child_elapsed_s=end)


def _loops(source: str) -> list[tuple]:
    """(header line, last line) of every ``while`` and ``for`` in the source."""
    import ast
    return [(node.lineno, node.end_lineno) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.While, ast.For))]


def _describe(arena, rec) -> str:
    """An operation a thread is blocked in, as the stuck message names it:
    ``queue.get()``, or what its object says (``describe(rec)``)."""
    say = getattr(arena.objects.get(rec.obj), "describe", None)
    return say(rec) if say is not None else f"{rec.kind.lower()}.{rec.op}()"


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def grade(ex, source: str, runs: int, python=None, progress=None, schedule=None,
          seed: int = 0, exhaust: int = 0, bound: int | None = None,
          order_seed: int | None = None) -> Result:
    from labs.practice import ship
    try:  # the policy, also for callers that did not ask (the verdict never relies on it)
        ship.static_check(source, ex.functions, ex.signatures, modules=ex.modules)
    except ship.BadAnswer as bad:
        return Result(exercise=ex, planned=runs, problem=str(bad), bad_input=True)
    return Session(ex, source, runs, python=python, progress=progress, schedule=schedule,
                   seed=seed, exhaust=exhaust, bound=bound, order_seed=order_seed).run()


def loop_around(loops, lineno: int) -> int | None:
    """The header line of the innermost loop that holds ``lineno`` (its
    header included: a loop's back-edge may be its header's line)."""
    inside = [(first, last) for first, last in loops if first <= lineno <= last]
    return max(inside)[0] if inside else None
