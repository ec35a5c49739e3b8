"""Explore the schedules of the learner's threads at the grader's choke point.

Runs in the PARENT (the grader); the child's side never imports it. An
``Explorer`` is installed as ``Arena.gate`` for one repetition. Every
operation of a learner thread on a shared object of that repetition stops at
the gate; when every thread the scenario spawned is *settled* -- waiting at
the gate, waiting inside an operation for something that has not happened
yet, blocked in a wait of its own (below), or done with its calls -- the
explorer picks which waiting operation runs next, and only that one runs.
An operation that waited and was woken (a lock released, a task put) passes
the gate again before it goes on, so which of several woken waiters goes
first is a choice too. Python code between two operations runs as it does
without the explorer: the order of the operations on the grader's objects
is what is chosen.

The scenario's own moves (a stop set, tasks put, a hold released) come
between two choices: the explorer chooses only while the scenario waits in
``Rep.wait`` and what it waits for does not hold yet (``scenario_waits``).
They are not choices themselves: a move happens where the scenario's
observed state puts it, the same point of every replay.

Settled, soundly. A thread that is between two operations is running the
learner's Python code (or waiting for the GIL): the explorer waits for it to
reach the gate, it never guesses from time. One exception, read from the
kernel: a thread blocked in a wait of its own -- a ``futex`` wait, timed or
not (a lock, Event, Condition, join or queue of the learner's own), a sleep,
a poll (``/proc/PID/task/TID/syscall``) -- while no thread of the learner's
process is runnable, at two reads that agree
(``procfs.waits_for_time_or_others``): it cannot move until its timeout
passes or another thread moves, so it is settled too, as a nap in the
grader is (below). The second condition matters. A thread that waits for
the GIL is in a timed futex wait (the switch interval) while the one that
holds the GIL runs, and CPython's own untimed waits have a runnable thread
beside them too: a thread made to drop the GIL waits untimed until the one
that asked for it has it (``drop_gil``, FORCE_SWITCHING).
Without the second condition, such a wait of a thread still on its way to
the gate reads as settled, and a choice can be made without it: the likely
cause of the one replay that diverged in CI (the consumer's bounded
enumeration, 1 of 729 schedules; not reproduced in 17 enumerations under
load). A thread woken from such a wait reads ``running`` from the moment
its waker's ``futex`` wake returned (or its timeout passed), which is
before the waker's next operation reaches the gate. A thread inside an
operation is settled only when its record is *parked* at the monitor's
current version
(``Record.parked``, ``Monitor.version`` in labs.practice.arena): it
re-checked its predicate after the last change of state and must still
wait. A thread that was notified but has not re-checked yet is not settled.

What the explorer cannot see or order, and the one bounded wait. C code and
the kernel: a spawned thread that stays outside the grader of its own
accord (a timed wait of its own, a long computation) is
passed over for that choice, and the run says so (``straggled``,
``stragglers``): its schedule is then not exact. Passing over is decided on
what the kernel shows, never on time alone (``Explorer._may_pass``): the
thread has used ``STRAGGLE_S`` of CPU since the last choice (it computes),
or it has been seen asleep of its own accord for ``STRAGGLE_S`` --
blocked in the kernel (``/proc/PID/task/TID/stat`` state S), not in a
receive on a socket (a thread blocked in a receive has sent an operation
that the grader has not reached yet: the grader is slow, not the thread),
while no other thread of the learner's process is runnable (state R or D:
one of them may hold the GIL it waits for, or be about to wake it). A thread
that is merely slow -- runnable but kept off the CPU by a loaded machine,
or waiting for a starved grader -- is waited for however long that takes
(the repetition's budget still ends the run); so is a thread blocked in a
read or receive of its own (no explored exercise gives the learner one). Time: an operation's timeout
(``get(timeout=...)``) expires by the clock, not by a choice. Signals: which
thread the kernel gives a signal to is not a choice here (no signal
exercise is explored yet).

A nap is seen. While the explorer drives a run, ``time.sleep`` in the
learner's process is an operation on the check's clock (``arena.GNap``,
sent there by ``wire.Clock``): the nap waits in the grader, its record
parked, so the napping thread is settled and the choices of the others go
on meanwhile; the nap ends by the clock, and the thread's next operation
comes to the gate. It is not a choice itself. Before, a consumer that
napped 50 ms when the queue was empty was waited for at every choice, and
a right answer ran out of its budget. A nap of the learner's own (a timed
wait on an Event or Condition of its own) is not an operation: the kernel shows it
(above). Until the thirteenth session only untimed waits were settled so; a
consumer that napped 0.1 s on its own Event came back to the gate before
it could be passed over, was chosen again (the highest priority), and the
other consumers starved: a right answer failed every grading.

Which thread is which. A thread the scenario spawned is known by the
connection of its ``call`` reports and by its index in ``rep.threads`` (0,
1, 2: letters ``a``, ``b``, ``c``). Only those threads are scheduled: a
thread the learner's code started (``do`` run in a thread of its own) passes
the gate at once, as without the explorer, so a spawned thread that waits
for it with a timeout comes back by itself; such a run is exact only as far
as those threads' operations do not race with the scheduled ones.

The strategy: PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A
Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", ASPLOS
2010). Each thread gets a random priority; the highest-priority waiting
operation runs; at ``depth - 1`` random choice points the thread that would
run drops below every other. One run finds a bug of depth d among n threads
and k choice points with probability at least 1/(n k^(d-1)), and a run is
reproducible from its seed (thirteenth session: a thread passed over at FAIR
choice points in a row goes next, so that threads that nap between their
operations cannot keep a waiting rival out for ever, which no real scheduler
does; a right consumer with 1 ms naps on an Event of its own ran out of its
budget without it); ``DEPTH`` is 3 (two change points), which
finds the depth-2 races measured here (a check, then another thread, then
the act) in about one run in five. k counts choice points only (operations
that had a rival), not every operation; ``Exercise.explore_steps`` is its
estimate.

The bounded enumeration (``Bounded``, ``grade(..., exhaust=L)``): every
schedule with at most ``BOUND`` (2) preemptions (``bound=`` sets another
limit), those with none in every mode first, then those with one, then two
(iterative context bounding: a race shows at the fewest preemptions it
needs). An exercise may enumerate a smaller scenario than its checks run
(``Exercise.explore_modes``): lost-task/consumer's full scenario (3
consumers, 12 tasks) holds more than 3000 such schedules in one mode
alone (with at most one preemption, 6463 in its five modes: 638 s), so it
enumerates ``small-MODE``, the same moments with 2 consumers on 3 tasks.
Measured (scripts/bench_explore.py, 2 shared cores): safe-transfer's
reference holds 656 such schedules (thirteenth session, two failing
credits in fails-later: fails-first 94, fails-later 296, no-failure 266),
22 s at about 30 schedules/s; the consumer's small
scenario 729 (small-midway 80, small-trickle 312, small-before-first 15,
small-midway-2nd 88, small-after-last 234), 17-23 s at 32-44/s. Neither
fits a check's 3 s, so a check samples the full scenario with PCT and says
so (``Result.exploration_line``); tests and the bench exhaust.

A schedule is the mode and the letter of the thread chosen at each choice
point where two or more operations were waiting, runs of one letter
written with their length: ``midway:a3bca2`` is a a a b c a a.
``Replay(choices)`` makes exactly those choices again; if the answer's
threads reach a choice point with other rivals than recorded, the replay
says where it diverged.
"""
from __future__ import annotations

import random
import re
import string
import time
from dataclasses import dataclass

from labs.child import procfs

STRAGGLE_S = 0.5   # a thread seen asleep of its own accord this long (or computing) is passed over
FAIR = 50          # PCT: a thread passed over this many choices in a row goes next
POLL_S = 0.05      # how often a choice that waits for an unsettled thread reads /proc
DEPTH = 3          # PCT: two priority change points
LETTERS = string.ascii_lowercase
_SCHEDULE = re.compile(r"([a-z0-9-]+):((?:[a-z][0-9]*)*)")
_RUN = re.compile(r"([a-z])([0-9]*)")
# the arguments a proxy always sends (wire.py): a step shows only the ones given
DEFAULT_ARGS = {("Lock", "acquire"): (True, -1), ("Queue", "get"): (True, None),
                ("Queue", "put"): (object(), True, None), ("Event", "wait"): (None,)}
SHOW_NONE = {("Queue", "get")}  # operations whose None is news (the sentinel)


class BadSchedule(ValueError):
    """A schedule string that cannot be read, or names no mode of the exercise."""


@dataclass(frozen=True)
class Schedule:
    mode: str
    choices: tuple  # of thread indices, one per choice point

    def __str__(self) -> str:
        out, i = [], 0
        while i < len(self.choices):
            j = i
            while j < len(self.choices) and self.choices[j] == self.choices[i]:
                j += 1
            out.append(LETTERS[self.choices[i]] + (str(j - i) if j - i > 1 else ""))
            i = j
        return f"{self.mode}:{''.join(out)}"

    @classmethod
    def parse(cls, text: str, modes=None) -> Schedule:
        """``MODE:LETTERS`` as ``str(schedule)`` writes it; BadSchedule if not."""
        m = _SCHEDULE.fullmatch(text.strip())
        if m is None:
            raise BadSchedule(f"not a schedule: {text!r} (expected MODE:LETTERS, "
                              f"e.g. midway:a3bca2)")
        mode, body = m.groups()
        if modes is not None and mode not in modes:
            raise BadSchedule(f"no mode {mode!r} in this exercise (its modes: "
                              f"{', '.join(modes)})")
        choices = []
        for letter, count in _RUN.findall(body):
            n = int(count) if count else 1
            if not 1 <= n <= 100000 or len(choices) + n > 100000:
                raise BadSchedule(f"not a schedule: {text!r} (a run of {n})")
            choices += [LETTERS.index(letter)] * n
        return cls(mode, tuple(choices))


class PCT:
    """Randomized priorities with ``depth - 1`` priority change points
    among the first ``steps`` choice points; reproducible from ``seed``."""

    def __init__(self, seed: int, steps: int, depth: int = DEPTH):
        self.rng = random.Random(seed)
        self.depth = depth
        self.prio: dict[int, float] = {}
        self.changes = sorted(self.rng.sample(range(max(steps, depth)), depth - 1))
        self.diverged = None
        self.passed: dict[int, int] = {}  # choice points in a row a waiting thread lost

    def choose(self, step: int, candidates: list[int], running=None) -> int:
        for t in candidates:
            if t not in self.prio:  # initial priorities lie above every change's
                self.prio[t] = self.depth + self.rng.random()
        best = max(candidates, key=self.prio.__getitem__)
        if step in self.changes:
            self.prio[best] = self.depth - 1 - self.changes.index(step)
            best = max(candidates, key=self.prio.__getitem__)
        # threads that come back to the gate after each nap of their own, with a
        # rival waiting there all along, would have it wait for ever: one passed
        # over FAIR times in a row goes (a real scheduler runs it while they nap)
        for t in self.prio:  # a thread that is not waiting now is not passed over
            self.passed[t] = self.passed.get(t, 0) + 1 if t in candidates else 0
        starved = max(candidates, key=self.passed.__getitem__)
        if self.passed[starved] > FAIR:
            best = starved
        self.passed[best] = 0
        return best

    def describe(self) -> str:
        return f"PCT, depth {self.depth}"


def default(candidates: list[int], running) -> int:
    """The choice that is no preemption: the thread that moved last goes on
    if it is waiting, else the lowest letter."""
    return running if running in candidates else min(candidates)


class Replay:
    """The choices of a recorded schedule, in order. Past its end, or where
    the recorded thread is not waiting, the default runs (the thread that
    moved last, else the lowest letter) and ``diverged`` keeps the first
    such choice point; ``missed`` lists the points where the named thread
    was not waiting, ``past_end`` the first point past the schedule's end."""

    def __init__(self, choices):
        self.choices = tuple(choices)
        self.diverged: int | None = None
        self.missed: list[int] = []
        self.past_end: int | None = None

    def choose(self, step: int, candidates: list[int], running=None) -> int:
        if step < len(self.choices) and self.choices[step] in candidates:
            return self.choices[step]
        if step < len(self.choices):
            self.missed.append(step)
        elif self.past_end is None:
            self.past_end = step
        if self.diverged is None:
            self.diverged = step
        return default(candidates, running)

    def describe(self) -> str:
        return "replay"


BOUND = 2  # preemptions per schedule, in a bounded enumeration


class Follow:
    """One run of a bounded enumeration: ``prefix``'s choices, then the
    default (no preemption: the thread that moved last goes on if it is
    waiting, else the lowest letter). It records every choice point as
    (candidates, chosen, running) for ``Bounded``."""

    def __init__(self, prefix, bound: int = BOUND):
        self.prefix, self.bound = tuple(prefix), bound
        self.points: list[tuple] = []
        self.diverged: int | None = None

    def choose(self, step: int, candidates: list[int], running=None) -> int:
        if step < len(self.prefix):
            chosen = self.prefix[step]
            if chosen not in candidates:
                if self.diverged is None:
                    self.diverged = step
                chosen = default(candidates, running)
        else:
            chosen = default(candidates, running)
        self.points.append((tuple(candidates), chosen, running))
        return chosen

    def describe(self) -> str:
        return f"every schedule with at most {self.bound} preemption" + \
            ("" if self.bound == 1 else "s")


def _rivals(cands, running) -> str:
    who = "".join(LETTERS[c] for c in cands)
    return f"{who} waiting ({LETTERS[running]} last)" if running is not None else f"{who} waiting"


def preempts(candidates, chosen, running) -> bool:
    """Taking the turn from a thread that could go on (it is waiting at the
    gate) is a preemption; choosing among others when it cannot is not."""
    return running is not None and running in candidates and chosen != running


class Bounded:
    """Every schedule of one mode with at most ``bound`` preemptions, one
    run each, fewest preemptions first: CHESS's iterative context bounding
    (Musuvathi and Qadeer, "Iterative Context Bounding for Systematic
    Testing of Multithreaded Programs", PLDI 2007), where most races show
    with one preemption. Each run replays a prefix of choices, then takes
    the default (no preemption), so it has as many preemptions as its
    prefix. The choice points a run reports grow a tree (every node once);
    at a node seen for the first time, each choice other than the one taken
    is a new prefix, queued by its count of preemptions. ``next(limit)``
    gives the next run's strategy with at most ``limit`` preemptions
    (default ``bound``), fewest first, depth first within a count; None
    when none is left within it. A run that does not reach the choice
    points recorded before on its prefix (the answer's threads did not do
    the same operations again) is counted in ``diverged``: the enumeration
    is then not exact."""

    def __init__(self, bound: int = BOUND):
        self.bound = bound
        self.nodes: dict[tuple, tuple] = {}   # choices leading to a point -> (cands, running)
        self.queued: list[list[tuple]] = [[()] if b == 0 else [] for b in range(bound + 1)]
        self.last: Follow | None = None
        self.runs = 0
        self.diverged = 0
        self.where: str | None = None  # the first divergence, in words (for a report)

    def next(self, limit: int | None = None) -> Follow | None:
        self.take_in()
        limit = self.bound if limit is None else min(limit, self.bound)
        for pre in range(limit + 1):
            if self.queued[pre]:
                self.last = Follow(self.queued[pre].pop(), self.bound)
                self.runs += 1
                return self.last
        return None

    def take_in(self) -> None:
        """Take the last run's choice points in (``next`` does it first)."""
        if self.last is not None:
            self._absorb(self.last)
            self.last = None

    def left(self) -> bool:
        """Schedules not run yet (within the bound)?"""
        return self.last is not None or any(self.queued)

    def _absorb(self, run: Follow) -> None:
        path, pre, diverged = (), 0, run.diverged is not None
        for cands, chosen, running in run.points:
            seen = self.nodes.get(path)
            if seen is None:
                self.nodes[path] = (cands, running)
                for c in cands:
                    more = pre + preempts(cands, c, running)
                    if c != chosen and more <= self.bound:
                        self.queued[more].append(path + (c,))
            elif seen != (cands, running):
                if self.where is None:
                    self.where = (f"after {str(Schedule('', path))[1:] or 'no choice'}: "
                                  f"{_rivals(*seen)} before, {_rivals(cands, running)} now")
                diverged = True
            pre += preempts(cands, chosen, running)
            path += (chosen,)
        self.diverged += diverged


class Explorer:
    """The gate of one repetition: see the module's docstring."""

    def __init__(self, rep, strategy):
        self.rep, self.arena, self.strategy = rep, rep.arena, strategy
        self.names = [t["name"] for t in rep.threads]
        self.conn_of: dict[str, int] = {}   # spawned thread name -> its connection
        self.index: dict[int, int] = {}     # spawned thread's connection -> its index
        self.pending: dict[int, object] = {}  # connection -> its record at the gate
        self.granted: int | None = None
        self.choices: list[int] = []
        self.steps = 0                      # operations through the gate
        self.straggled = 0                  # choices made without a straggler
        self.stragglers: set[str] = set()   # ... the threads passed over
        self.last = time.monotonic()        # the last choice (or the start)
        self._cpu0: dict[int, int] | None = None  # tid -> CPU ns, read once per choice
        self._idle_since: float | None = None  # the unsettled threads seen asleep since
        self._polled = 0.0                  # the last read of /proc for _may_pass
        self._seen = rep.first              # how far the ledger was read (this run's part)
        self.scenario = None                # what the scenario waits for; None: it acts
        self.on = False
        self.running: int | None = None     # the index of the thread let go last
        self.log: list[list] = []           # [index or None, record or text, letter, notes]
        self._last_step: dict[int, int] = {}  # thread index -> its last entry in log

    # ---------------------------------------------------------- install
    def install(self) -> None:
        with self.arena.cond:
            self.on, self.last = True, time.monotonic()
            self.arena.gate, self.arena.parking = self.gate, self.poke
            self.arena.on_note = self._note

    def uninstall(self) -> None:
        """Every operation waiting at the gate goes on, in no chosen order."""
        with self.arena.cond:
            self.on = False
            if self.arena.gate == self.gate:
                self.arena.gate = self.arena.parking = self.arena.on_note = None
            self.arena.cond.notify_all()

    def scenario_waits(self, predicate) -> None:
        """The scenario waits (in Rep.wait) for ``predicate``; None: it acts
        (sets a stop, puts tasks, releases a hold). No choice is made while
        it acts or once what it waits for holds: its moves come between two
        choices, at the same point of every replay."""
        with self.arena.cond:
            self.scenario = predicate
            self.arena.cond.wake()

    @property
    def schedule(self) -> Schedule:
        return Schedule(self.rep.mode, tuple(self.choices))

    # ---------------------------------------------------------- the gate
    def gate(self, rec) -> None:
        """Called by Arena.dispatch under the monitor: return when ``rec``
        is chosen to run (or the explorer is off)."""
        a = self.arena
        obj = a.objects.get(rec.obj)
        if not self.on or obj is None or obj.rep != self.rep.n:
            return
        if rec.kind == "Rep":
            self._report(rec)
            return
        if rec.kind == "Grader":
            return
        self._learn()
        if rec.conn not in self.index:
            return  # a thread the learner's code started: it runs free
        self.pending[rec.conn] = rec
        self.steps += 1
        try:
            while self.on and not a.closed:
                if self.granted == rec.conn:
                    self.granted = None
                    return
                wait = 0.25
                if self.granted is None and self._scenario_waits():
                    unsettled = self._unsettled()
                    if unsettled and self._may_pass(unsettled):
                        self.straggled += 1
                        self.stragglers.update(unsettled)
                        unsettled = []
                    if not unsettled:
                        self._choose()
                        continue
                    wait = POLL_S
                a.cond.wait(wait)
        finally:
            self.pending.pop(rec.conn, None)
            if self.granted == rec.conn:
                self.granted = None

    def poke(self) -> None:
        """An operation is about to wait (Arena.block): maybe the last
        thread has settled, and a choice can be made."""
        if self.on and self.granted is None and self.pending and self._scenario_waits() \
                and self._settled():
            self._choose()

    # ---------------------------------------------------------- choosing
    def _learn(self) -> None:
        """Which connection is each spawned thread's own (its ``call`` reports)."""
        ledger, reports = self.arena.ledger, self.rep.reports
        for r in ledger[self._seen:]:
            if reports is not None and r.obj == reports.id and r.op == "call":
                if r.who in self.names:
                    self.conn_of.setdefault(r.who, r.conn)
                    self.index.setdefault(r.conn, self.names.index(r.who))
        self._seen = len(ledger)

    def _scenario_waits(self) -> bool:
        return self.scenario is not None and not self.scenario()

    def _settled(self) -> bool:
        return not self._unsettled()

    def _unsettled(self) -> list[str]:
        """The spawned threads still running between two operations."""
        self._learn()
        version = self.arena.cond.version
        parked = {r.conn for r in self.arena.current.values() if r.parked == version}
        out = []
        for name in self.names:
            if self.rep.ended(name):
                continue
            conn = self.conn_of.get(name)
            if conn is None or not (conn in self.pending or conn in parked
                                    or self._waits_of_its_own(conn)):
                out.append(name)
        return out

    def _may_pass(self, unsettled: list[str]) -> bool:
        """May this choice be made without the ``unsettled`` threads? Only
        on what the kernel shows (read at most every POLL_S): each has used
        STRAGGLE_S of CPU since the last choice, or has been asleep of its
        own accord -- blocked (state S), not in a receive (a proxy waiting
        for the grader: the grader is slow) -- with no other thread of the
        process runnable (R, D: starved, or holding the GIL it waits for),
        at every read for STRAGGLE_S. A thread that has not reported its
        first call runs the child's own code: never passed over."""
        now = time.monotonic()
        if now - max(self._polled, self.last) < POLL_S:
            return False  # most threads arrive sooner: no read of /proc for them
        self._polled = now
        pid = self.rep.session.pid
        if pid is None:
            return False
        states = {t: procfs.task_state(pid, t) for t in procfs.tids(pid)}
        if self._cpu0 is None:  # the first read since the last choice: the baseline
            self._cpu0 = {t: st[2] for t, st in states.items() if st is not None}
        computing = {t for t, st in states.items() if st is not None
                     and st[2] - self._cpu0.get(t, st[2]) >= STRAGGLE_S * 1e9}
        asleep = []
        for name in unsettled:
            conn = self.conn_of.get(name)
            if conn is None or not 0 < conn <= len(self.arena.conns):
                self._idle_since = None
                return False
            tid = self.arena.conns[conn - 1].tid
            st = states.get(tid)
            if st is None:
                continue  # gone
            state, call, _cpu = st
            if call in procfs.RECEIVE:  # it has sent an operation: the grader has it
                self._idle_since = None
                return False
            if tid in computing:
                continue
            if state != "S" or call in ("running", "-1"):
                self._idle_since = None
                return False
            asleep.append(tid)
        if any(st is not None and st[0] in "RD" and t not in computing
               for t, st in states.items()):
            self._idle_since = None
            return False
        if not asleep:
            return True
        if self._idle_since is None:
            self._idle_since = now
        return now - self._idle_since >= STRAGGLE_S

    def _waits_of_its_own(self, conn: int) -> bool:
        pid = self.rep.session.pid
        c = self.arena.conns[conn - 1] if 0 < conn <= len(self.arena.conns) else None
        return (pid is not None and c is not None and c.id == conn
                and procfs.waits_for_time_or_others(pid, c.tid))

    def _choose(self) -> None:
        by_index = {self.index[c]: c for c in self.pending}
        candidates = sorted(by_index)
        if len(candidates) == 1:
            chosen = candidates[0]
        else:
            chosen = self.strategy.choose(len(self.choices), candidates, self.running)
            self.choices.append(chosen)
        self.granted = by_index[chosen]
        self.running = chosen
        self._last_step[chosen] = len(self.log)
        self.log.append([chosen, self.pending[self.granted],
                         LETTERS[chosen] if len(candidates) > 1 else None, []])
        self.last = time.monotonic()
        self._cpu0 = self._idle_since = None
        self.arena.cond.wake()


    # ---------------------------------------------------------- the steps
    def _note(self, text: str) -> None:
        """A move of the grader's (Arena.note), in its place among the steps:
        the scenario moves only between two choices."""
        if self.on:
            self.log.append([None, text, None, []])

    def _report(self, rec) -> None:
        """A spawned thread's call ended: a note on that thread's last step
        (where its report arrives among the other threads' steps is timing,
        where it comes among its own steps is not)."""
        if rec.op not in ("returned", "raised"):
            return
        self._learn()
        i = self.index.get(rec.conn)
        if i is None or i not in self._last_step:
            return
        k = rec.args[0] + 1 if rec.args and isinstance(rec.args[0], int) else "?"
        fn = self.rep.threads[i]["fn"]
        how = "returned" if rec.op == "returned" else \
            f"raised {rec.args[1] if len(rec.args) > 1 else '?'}"
        self.log[self._last_step[i]][3].append(f"{self.names[i]}'s call {k} of {fn}() {how}")

    def trace(self) -> list[dict]:
        """The run's steps in the order the explorer let them go: the
        operations of the spawned threads (a woken waiter's going on is a
        step of its own), the grader's moves, each with the letter chosen
        (None where one thread alone could move) and what it returned."""
        out, seen = [], set()
        last = {id(e[1]): pos for pos, e in enumerate(self.log) if e[0] is not None}
        for pos, (i, what, letter, notes) in enumerate(self.log):
            if i is None:
                out.append({"who": "grader", "letter": None, "op": what, "outcome": "",
                            "notes": list(notes)})
                continue
            rec = what
            first = rec.seq not in seen
            seen.add(rec.seq)
            if last[id(rec)] > pos:  # (one pass: a run of a napping consumer has 25,000 steps)
                outcome = "waits"
            elif rec.result is None or rec.result == ("raise", "Ended"):
                outcome = "still waiting when the run ended"
            elif rec.result[0] == "raise":
                outcome = f"raised {rec.result[1]}"
            elif rec.result[1] is None and (rec.kind, rec.op) not in SHOW_NONE:
                outcome = ""
            else:
                outcome = f"-> {rec.result[1]!r}"
            obj = self.arena.objects.get(rec.obj)
            name = obj.name if obj is not None else rec.obj
            name = "" if name == rec.op else name + "."  # do(1), not do.do(1)
            args = list(rec.args)
            defaults = DEFAULT_ARGS.get((rec.kind, rec.op), ())
            while args and len(args) <= len(defaults) and args[-1] == defaults[len(args) - 1] \
                    and type(args[-1]) is type(defaults[len(args) - 1]):
                args.pop()
            args = ", ".join(repr(a) for a in args)
            out.append({"who": self.names[i], "letter": letter,
                        "op": f"{name}{rec.op}({args})" + ("" if first else " goes on"),
                        "outcome": outcome, "notes": list(notes)})
        return out


def strategy_for(n: int, steps: int, seed: int = 0):
    """Repetition ``n``'s PCT (seeded by the grading's seed and ``n``)."""
    return PCT(seed * 1_000_003 + n, steps)
