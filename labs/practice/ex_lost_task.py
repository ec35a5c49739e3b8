"""Exercises for lab 2, lost-task: a consumer that never loses a task and
lets ``Queue.join()`` return; a shutdown that drains N consumers.

Graded by the trusted engine (labs.practice.engine): the queue, ``do``, the
stop Events and (for shutdown) the consumer threads live in the grader; the
learner's code reaches them through proxies, and every verdict is read from
the grader's ledger."""
from __future__ import annotations

import threading
import time
from collections import deque

from labs.child import procfs, wait
from labs.practice.arena import (
    FOREVER,
    AliveCredit,
    AliveNap,
    FastClock,
    GEvent,
    GObject,
    OnFastClock,
    Raise,
    SlowEnd,
    _plain,
    _timeout,
    first_seen_set,
    too_large,
    wait_timeout,
)
from labs.practice.exercises import Check, Exercise, ended_before_return, names, secs
from labs.practice.pauses import PAUSE_CPU_S, LookNap, StopAtPause, timed_empty
from labs.practice.policy import COMMON_MODULES

TASKS = 12
CONSUMERS = 3
# the bounded enumeration's scenario (explore_modes "small-MODE"): the same moments
# with 2 consumers on 3 tasks, a space small enough to exhaust
SMALL = "small-"
SMALL_CONSUMERS, SMALL_TASKS = 2, 3
QUIET_FAST_S = 3600.0  # each quiet period on the consumers' clocks (their timed waits):
                       # an hour, longer than any idle timeout a consumer should have
                       # (10 s until the twenty-first session: a 30 s one passed)
QUIET_FINE = 100  # ... of which each consumer's first 100 timed waits pass their own
                  # timeout, then each as much as all before it (FastClock fine: 10 ms
                  # naps cost 112 operations a period, not 360,000)
AWAY_S = 1.0  # how long the grader holds a task's do() run by a thread that is not the
              # consumer's own, unless the consumer's own thread moves first
SLOW_S = 3600.0  # shutdown, idle: how long consumer-1 runs on the learner's fast clock: an
                 # hour, longer than any deadline a shutdown should give its consumers (a
                 # minute until the twenty-first session: a 90 s deadline passed)
SLOW_FINE = 600  # ... its first 600 timed joins and naps pass their own timeout, then
                 # each as much as all before it (FastClock fine: join(0.1) spends the
                 # hour in 606 joins). Not 100: a threading.Timer(5.0) deadline of the
                 # learner's sees the clock at its next 50 ms slice (wire.Clock.sliced),
                 # and 109 joins could all pass within one: it passed 1 loaded grading
                 # of 2 on 3.12; with 600, as many as the minute took, 2 of 2 failed.
                 # Since the twenty-second session consumer-1 also runs on after its
                 # hour until such a Timer has run out (_keep_slow, Rep.outwait)
KEEP_S = 2.0  # idle: after the hour, the most the grader waits for the learner's process
              # to come to rest before it waits out its timed waits (Rep.outwait)
PAUSE_TASK = 3  # pause: consumer-2's stop comes as it pauses after a look, or inside this task
PAUSE_EMPTY_S = 0.5  # ... the queue empty at first, at most this long (real time)
NAP_MAX_S = 1.0  # shutdown: the longest nap between two looks (the statement's)
QUIET_IS = (" (each consumer waiting in a get(), or told Empty: one that keeps running "
            "without a call on the check's objects never lets it come)")
GET_WAIT_S = 0.5  # after-last: how long the grader waits for consumer-1 to wait in a get()
NAP_STOP_S = 0.5  # trickle: how long a consumer that napped on its stop gets to nap on it again


class GQueue(GObject):
    """queue.Queue on the grader's side (unbounded): get, put, task_done,
    join, qsize, empty, full, shutdown (3.13). It knows who waits in get().

    ``fast`` (FastClock): the grader's fast clock for its timed gets (and for
    the timed waits of an Event that follows it: GEvent.fast_by)."""
    kind = "Queue"

    def __init__(self, rep, name="tasks"):
        super().__init__(rep, name)
        self.items: deque = deque()
        self.unfinished = 0
        self.down = False
        self.waiting: dict[str, float | None] = {}   # who -> timeout of its pending get()
        self.empties: dict[str, int] = {}             # who -> Empty raised to it
        self.empty_looks: dict[str, int] = {}         # who -> empty() looks in a row (_look)
        self.on_wait = None                           # hook: a learner call that waits
        self.puts: list[bool] = []                    # each put in order: True if the learner's
        self.taken: dict[str, int] = {}               # who -> items its get()s took
        self.admits = None                            # hook: (who) -> may it take an item now
        self.kept: dict[str, int] = {}                # who -> its takes when one was kept for it
        self.before_take = None                       # hook: (rec) a get() begins
        self.fast = FastClock()                       # the grader's fast clock, by thread
        self.look_news = None                         # hook: (rec) -> news of a look that finds items

    def set_fast(self, seconds: dict) -> None:
        """Begin (or, with {}, end) fast periods (under the monitor)."""
        self.fast.start(seconds)
        self.changed()

    def put_now(self, item) -> None:
        """The grader puts (under the monitor)."""
        with self.arena.cond:
            self.items.append(item)
            self.puts.append(False)
            self.unfinished += 1
            self.arena.note(f"the grader puts {'None' if item is None else f'task {item}'}")
            self.changed()

    def op_get(self, rec, block=True, timeout=None):
        if self.before_take is not None:
            self.before_take(rec)
        t = _timeout(block, timeout)
        rec.note["wait"] = t  # None: blocks for ever; 0.0: a look that does not wait
        if not self.items:
            too_large(t)
        if t != 0.0 and self.on_wait is not None:
            self.on_wait(rec)
        self.waiting[rec.who] = t
        self.changed()
        def ready():
            return self.items and (self.admits is None or self.admits(rec.who))
        try:
            self.block(lambda: ready() or self.down or bool(t and self.fast.now(rec.who)), t)
        finally:
            self.waiting.pop(rec.who, None)
        if not ready():
            if self.down and not self.items:
                raise Raise("ShutDown", "")
            self.empties[rec.who] = self.empties.get(rec.who, 0) + 1
            self.changed()
            # on the fast clock: a timed get's timeout passed; a get_nowait() is a look
            extra = self.fast.timed(rec.who, t) if t else self.fast.look(rec.who)
            raise Raise("Empty", "", extra)
        self.taken[rec.who] = self.taken.get(rec.who, 0) + 1
        return self.items.popleft()

    def op_put(self, rec, item, block=True, timeout=None):
        if not _plain(item) or isinstance(item, list):
            raise Raise("TypeError", "the check's queue carries None, numbers and strings")
        if self.down:
            raise Raise("ShutDown", "")
        self.items.append(item)
        self.puts.append(True)
        self.unfinished += 1
        self.changed()

    def learner_left(self) -> int:
        """How many of the items still queued the learner's code put (FIFO:
        the items left are the last ones put)."""
        return sum(self.puts[len(self.puts) - len(self.items):]) if self.items else 0

    def op_task_done(self, rec):
        if self.unfinished <= 0:
            raise Raise("ValueError", "task_done() called too many times")
        self.unfinished -= 1
        self.changed()

    def op_join(self, rec):
        if self.on_wait is not None:
            self.on_wait(rec)
        self.block(lambda: self.unfinished == 0)

    def op_qsize(self, rec):
        return self._look(rec, len(self.items))

    def op_empty(self, rec):
        return self._look(rec, not self.items)

    def _look(self, rec, value):
        """``empty()`` or ``qsize()``: on an empty queue, from the second such
        look in a row of a thread on, the learner is told so as by a
        get_nowait() that raised Empty (a quiet period counts it: a consumer
        that looks with empty() and naps is idle too; a single look may be
        its last before it returns, which the scenario must see first); on
        the fast clock each is a look (its naps pass at once meanwhile)."""
        if self.on_wait is not None:  # a look at what is left: shutdown() watches it drain
            self.on_wait(rec)
        if self.items:
            self.empty_looks.pop(rec.who, None)
            news = self.look_news(rec) if self.look_news is not None else None
            return OnFastClock(value, **news) if news else value
        k = self.empty_looks[rec.who] = self.empty_looks.get(rec.who, 0) + 1
        if k >= 2:
            self.empties[rec.who] = self.empties.get(rec.who, 0) + 1
            self.changed()
        news = self.fast.look(rec.who)
        return OnFastClock(value, **news) if news else value

    def op_full(self, rec):
        return False

    def op_shutdown(self, rec, immediate=False):
        self.down = True
        if immediate:
            self.unfinished -= len(self.items)
            self.items.clear()
        self.changed()


class GDo(GObject):
    """``do(n)``: the work of task n, on the grader's side. It can hold its
    caller inside a task (the forced moment) until released."""
    kind = "Do"

    def __init__(self, rep, name="do", tasks=TASKS, first=1):
        super().__init__(rep, name)
        self.tasks, self.first = tasks, first  # the tasks: first, first + 1, ...
        self.done: dict[int, int] = {}
        self.mine: dict[str, int] = {}
        self.hold_on = None
        self.held = None
        self.released = False

    def op_do(self, rec, n):
        if isinstance(n, bool) or not isinstance(n, int) \
                or not self.first <= n < self.first + self.tasks:
            raise Raise("ValueError", f"{n!r} is not a task" + (
                ": it means 'no more tasks'" if n is None else ""))
        k = self.mine[rec.who] = self.mine.get(rec.who, 0) + 1
        if self.hold_on == (rec.who, k):
            self.held = rec
            self.changed()
            self.block(lambda: self.released)
        elif self.hold_on is not None and rec.who != self.hold_on[0]:
            # the others wait here until the held one is held: it always
            # gets as many tasks as the moment needs
            self.block(lambda: self.held is not None or self.released)
        self.done[n] = self.done.get(n, 0) + 1
        self.changed()

    def release(self) -> None:
        with self.arena.cond:
            self.released = True
            self.changed()

    def fates(self, thrown=()) -> dict:
        return {"tasks": self.tasks,
                "lost": [n for n in range(self.first, self.first + self.tasks)
                         if n not in self.done],
                # (a task the learner put may be any value: "STOP" beside 0 to 11)
                "duplicated": [n for n, k in sorted(self.done.items(), key=_task_order)
                               if k > 1]}


def _task_order(item):
    """Sorts (task, count) pairs: the check's tasks (ints) first, in order."""
    n = item[0]
    return (0, n, "") if isinstance(n, int) and not isinstance(n, bool) else (1, 0, repr(n))


def _each_once(f):
    lost, dup = f["lost"], f["duplicated"]
    if not lost and not dup:
        k = f.get("tasks", TASKS)
        return True, f"{k} of {k} done once"
    parts = [f"task(s) {names(lost)} never done"] if lost else []
    if f.get("thrown"):
        parts[0] += f" ({f['thrown']})"
    elif 0 in lost:  # `if not n:` reads task 0 as the end
        parts[0] += " (task 0 is a task, not None: test `n is None`, not `not n`)"
    parts += [f"task(s) {names(dup)} done twice or more"] if dup else []
    return False, "; ".join(parts)


# ---------------------------------------------------------------- the consumer

def consumer_scenario(rep):
    """Three consumers share 12 tasks, 0 to 11. consumer-1's stop is set
    ``midway``: while do() holds it inside its 1st task (``midway-2nd``: its
    2nd); ``before-first``: before it starts; ``after-last``: once every task
    but the last is done and every consumer is idle, as it waits in a get(),
    the last task put with it (``stop_in_get``); ``trickle``: the tasks come in three
    batches, each after a quiet period in which every consumer waits in get()
    or has been told Empty, and the stop comes as consumer-1 naps on it before
    the last batch (``stop_in_nap``), or else after the last. ``pause``: the
    stop is consumer-2's (a consumer that obeys only as consumer-1 meets it),
    set as consumer-2 pauses after a look at it that said no (``StopAtPause``:
    a nap, or busy CPU, between the look and the next get() misses it; the queue is
    empty until consumer-2 waits in a get(), is stopped so, or PAUSE_EMPTY_S passed),
    else while do() holds it inside its PAUSE_TASK-th task (the others take no task
    until then: its busy pause has the GIL to itself); then one task stays for it until
    it has returned or taken one (one that ignores its stop has one to take,
    on every grading). Before the
    None's, one more quiet period: then one None per consumer still running.
    ``small-MODE`` (the bounded enumeration's): MODE with 2 consumers on 3
    tasks (``trickle``: three batches of one)."""
    n, mode = rep.n, rep.mode
    small = mode.startswith(SMALL)
    mode = mode[len(SMALL):] if small else mode
    consumers, tasks = (SMALL_CONSUMERS, SMALL_TASKS) if small else (CONSUMERS, TASKS)
    # the tasks are 0 to 11: task 0 is a task, not "no more tasks" (`if not n:`)
    q, do = rep.add(GQueue(n)), rep.add(GDo(n, tasks=tasks, first=0))
    q.fast.fine = QUIET_FINE
    names_ = [f"consumer-{i + 1}" for i in range(consumers)]
    stops = {c: rep.add(GEvent(n, f"stop{i + 1}")) for i, c in enumerate(names_)}
    for ev in stops.values():  # a consumer's timed stop.wait() follows the queue's fast clock
        ev.fast_by = q.fast
    # after-last: the last task waits for the stop (stop_in_get)
    held_back = 1 if mode == "after-last" else 0
    if mode not in ("trickle", "pause"):
        for t in range(tasks - held_back):
            q.put_now(t)
    target = "consumer-2" if mode == "pause" else "consumer-1"  # whose stop is set
    if mode in ("midway", "midway-2nd", "pause"):
        do.hold_on = (target, {"midway": 1, "midway-2nd": 2, "pause": PAUSE_TASK}[mode])

        def admits(who):
            if who == target or rep.ended(target):
                return True
            if mode == "pause" and not (stops[target].flag or do.held is not None
                                        or do.released):
                # while the target is watched the others take nothing: a busy
                # pause of the target's has the GIL to itself (with three
                # spinners it had a third of it, and less than PAUSE_CPU_S of
                # CPU in 20 ms under make test's load)
                return False
            # the tasks the target needs to reach the moment stay for it, however
            # fast the others take theirs (a do() run in a thread of their own
            # frees them at once): the others take no more while only that many
            # are left, until the target has them, or was held
            need = do.hold_on[1] - q.taken.get(target, 0)
            return need <= 0 or len(q.items) > need or do.held is not None or do.released
        q.admits = admits
    if mode == "before-first":
        stops["consumer-1"].set_now()
    # the pause run: time.sleep waits in the grader, where StopAtPause sees each
    # nap begin, however short (sleep(0) too: hostile round, thirty-second session)
    if mode == "pause":
        rep.run_nap = rep.add(LookNap(n))
    for c in names_:
        rep.spawn(c, "consumer", q, stops[c], do)
    rep.go()
    a = rep.arena

    def quiet(since):
        """Every consumer still running waits in an untimed get(), or was
        told Empty after ``since`` (its count then)."""
        return all(rep.ended(c) or (c in q.waiting and q.waiting[c] is None and not q.items)
                   or q.empties.get(c, 0) > since.get(c, 0) for c in names_)

    def fast_until(predicate, what) -> bool:
        """A quiet period (the grader's: held) on the fast clock: QUIET_FAST_S
        of each running consumer's timed waits pass at once (GQueue.fast), so
        a get(timeout=5) is told Empty in milliseconds, not 5 s per period;
        and the learner's clocks move on by as much (Rep.push_clock)."""
        with a.cond:
            q.set_fast({c: QUIET_FAST_S for c in names_ if not rep.ended(c)})
        # a wait of the learner's own (an idle threading.Timer beside an untimed
        # get) hears of it too: the learner's clocks are pushed on at once
        rep.push_clock(QUIET_FAST_S)
        try:
            return rep.until(predicate, what, held=True)
        finally:
            with a.cond:
                q.set_fast({})

    if do.hold_on:
        nth = {1: "1st", 2: "2nd", 3: "3rd"}[do.hold_on[1]]
        watch = StopAtPause(rep, stops[target], target, q, took=lambda r: (
            r.op in ("get", "get_nowait") and r.ok)) if mode == "pause" else None
        if mode == "pause":
            # the queue starts empty: the target's first look meets an empty queue
            # (one that pauses only then, `while tasks.qsize() == 0: sleep`, never
            # paused in a full one; twelfth hostile reading). The tasks come as it
            # waits in an untimed get(), or in a timed one once a timed get of its
            # was told Empty (one that then gets again without a look meets its
            # stop first: StopAtPause._retries), is stopped in a pause, or after
            # PAUSE_EMPTY_S.
            end = time.monotonic() + PAUSE_EMPTY_S  # (the grader's time: the explorer chooses)

            def waits_for_tasks() -> bool:
                t = q.waiting.get(target, 0.0)
                return t is None or (t != 0.0 and any(
                    r.who == target and timed_empty(r) for r in a.of(q)))
            rep.wait(lambda: waits_for_tasks() or stops[target].flag
                     or rep.ended(target) or bool(a.anomalies) or time.monotonic() >= end,
                     held=True)
            with a.cond:
                for t in range(tasks):
                    q.put_now(t)
        rep.until(lambda: do.held is not None or stops[target].flag,
                  f"{target} inside its {nth} task")
        if watch is not None:
            watch.stop()
        with a.cond:
            if mode == "pause":  # (its moment is past: the others need no task kept)
                keep_one_for(rep, q, target)
            if not stops[target].flag:
                stops[target].set_now()
        hold_away(rep, do)
        do.release()
    elif mode == "trickle":  # three batches of four (one), each after a quiet period
        batch = tasks // 3
        for first in range(0, tasks, batch):
            since = dict(q.empties)
            if not fast_until(lambda: quiet(since), "a quiet period" + QUIET_IS):
                break
            if first + batch >= tasks:
                stop_in_nap(rep, q, stops[target], target)
            with a.cond:
                for t in range(first, first + batch):
                    q.put_now(t)
    since = dict(q.empties)  # every task done, or nothing moves any more (a task was lost)
    rep.wait(lambda: len(do.done) == tasks - held_back or bool(a.anomalies)
             or rep.reports.ended() or (not q.items and quiet(since)))
    # the quiet periods are the grader's: it holds the tasks (and the None's)
    # back, so their time does not count against the budget (up to its cap)
    if mode in ("after-last", "trickle"):
        since = dict(q.empties)
        fast_until(lambda: quiet(since), "a quiet period after the last task" + QUIET_IS)
        if held_back:
            stop_in_get(rep, q, stops[target], target, tasks - 1)
        else:
            stops[target].set_now()
    # Every quiet period runs on the fast clock (fast_until): QUIET_FAST_S of each
    # consumer's timed waits (get(), its stop's wait(), and threading's,
    # fast_clock) pass at once. This last one lasts until each has spent them, so
    # a consumer that gives up after N seconds without a task returns here,
    # whatever N up to it.
    since = dict(q.empties)
    fast_until(lambda: quiet(since) and all(rep.ended(c) or q.waiting.get(c, 0) is None
                                            or not q.fast.now(c) for c in names_),
               "a quiet period before the None's" + QUIET_IS)
    if stops[target].flag:  # a stopped consumer returns, or shows it never will
        since = dict(q.empties)
        fast_until(lambda: rep.ended(target) or q.waiting.get(target, 0) is None
                   or q.empties.get(target, 0) > since.get(target, 0) + 1,
                   f"{target} returned after its stop")
    with a.cond:
        running = [c for c in names_ if not rep.ended(c)]
        for _ in running:
            q.put_now(None)
    facts = rep.finish()
    facts.update(do.fates())
    facts.update(_consumer_facts(rep, q, do, stops))
    return facts


def keep_one_for(rep, q, who) -> None:
    """(under the monitor) ``who``'s stop is set: one task stays for it
    until it has returned or taken one, so that a consumer that goes on to a
    get() after its stop takes it, on every grading, whoever else waits.
    Several such consumers: one task each (``GQueue.kept``)."""
    if who in q.kept:
        return
    q.kept[who] = q.taken.get(who, 0)

    def admits(w):
        pending = [c for c, t in q.kept.items() if not rep.ended(c) and q.taken.get(c, 0) <= t]
        return w in pending or len(q.items) > len(pending)
    q.admits = admits


def stop_in_nap(rep, q, stop, target) -> None:
    """(``trickle``, before the last batch) A target that naps on its stop
    (it made a ``stop.wait(timeout)`` in this run) has the stop set in its
    next such nap, the queue empty; then
    one task stays for it until it has returned or taken one: a consumer
    that ignores the True its nap returned takes it (eighth hostile
    reading's ``stop_wait_ignored``, fourteenth session). One that did not
    nap on its stop, or does not again within NAP_STOP_S, keeps its stop
    after the last task."""
    a = rep.arena
    held = []

    def timed_wait(rec) -> bool:
        return (rec.who == target and rec.obj == stop.id and rec.op == "wait" and bool(rec.args)
                and isinstance(rec.args[0], (int, float)) and rec.args[0] > 0)
    with a.cond:
        if rep.ended(target) or not any(timed_wait(r) for r in rep.ledger()):
            return
        stop.hold_look = lambda rec: timed_wait(rec) and not held.append(rec)
    end = time.monotonic() + NAP_STOP_S
    try:  # (the grader's time; an explorer goes on choosing meanwhile)
        rep.wait(lambda: bool(held) or rep.ended(target) or time.monotonic() >= end, held=True)
    finally:
        with a.cond:
            stop.hold_look = None
            if held:
                keep_one_for(rep, q, target)
                stop.set_now()


def stop_in_get(rep, q, stop, target, last) -> None:
    """(``after-last``, every other task done, a quiet period over) The
    target's stop is set as it waits in a get(), timed or not, and the last
    task is put at once, kept for it: a get() already waiting when the stop
    came returns a task, which must still be done, marked done once, and not
    put back (a get() that only ever ended with None hid all three: the
    twenty-sixth session's hostile round). Set inside the get (or the timed
    ``stop.wait()`` of a target that naps on its stop) as it begins, under
    the monitor: no look of the target's comes between. A target in neither
    within GET_WAIT_S of the grader's time has its stop set all the same, the
    task kept from it (a get begun just after a look that said "not set" is
    not after the stop by the statement's race; this session's first version
    put the task for it, and failed a right answer that naps on a Condition
    of its own)."""
    a = rep.arena
    done = []

    def moment(rec) -> None:  # (under the monitor)
        if not done and (rec is None or rec.who == target):
            done.append(True)
            stop.set_now()
            keep_one_for(rep, q, target)
            q.put_now(last)

    def on_get(rec) -> None:  # a get() that waits begins (q.on_wait: looks too)
        if rec.op == "get":
            moment(rec)

    end = time.monotonic() + GET_WAIT_S
    with a.cond:
        if q.waiting.get(target, 0.0) != 0.0:
            moment(None)  # waiting in one already: its get sees the task as it wakes
        else:
            q.on_wait = on_get
            stop.on_wait = lambda rec, t: bool(t) and moment(rec)
    try:
        rep.wait(lambda: bool(done) or rep.ended(target) or bool(a.anomalies)
                 or time.monotonic() >= end, held=True)
    finally:
        with a.cond:
            q.on_wait = stop.on_wait = None
            if not done:
                stop.set_now()
                if not rep.ended(target):  # the others take it, not the target
                    q.admits = lambda w: w != target or rep.ended(target) or last not in q.items
                q.put_now(last)


def hold_away(rep, do) -> None:
    """The target's held task: if its do() runs in a thread other than the
    consumer's own, the consumer's own thread is free meanwhile; the work is
    held until that thread does its next operation (a task_done() before the
    work ended is then in the ledger) or its call ends, at most AWAY_S (a
    grader's hold: not counted against the budget)."""
    a, held = rep.arena, do.held
    if held is None:
        return
    who = do.hold_on[0]
    own = rep.tid_of(who)
    if own is None or held.tid == own:
        return

    def moved():
        for r in reversed(a.ledger):
            if r.seq <= held.seq:
                return False
            if r.tid == own:
                return True
        return False
    rep.hold(AWAY_S)
    a.wait_for(lambda: moved() or rep.ended(who) or bool(a.anomalies), AWAY_S)


def _consumer_facts(rep, q, do, stops) -> dict:
    early_done, never_done, after_stop, early_return, blind = [], [], [], [], []
    late_done = []  # a get() begun before the task taken last was marked done
    task_dones = 0
    ledger = rep.ledger()
    for c in sorted(stops):
        mine = [r for r in ledger if r.who == c and r.obj in (q.id, do.id)]
        held, works, put_back = deque(), [], set()
        got_none = False
        set_at = stops[c].set_at
        for r in mine:
            if r.obj == q.id and r.op == "get" and held and not late_done:
                item = held[-1]
                late_done.append(f"{c} called get() again before task_done() for "
                                 f"{'None' if item is None else f'task {item}'}")
            if r.obj == q.id and r.op == "get" and r.ok:
                item = r.value
                held.append(item)
                got_none = got_none or item is None
                # a get() that began after the stop was set: whatever the
                # consumer looked at before (a stale look included)
                if set_at is not None and item is not None and r.seq > set_at:
                    after_stop.append(f"{c} took task {item} after its stop")
            elif r.obj == do.id and r.op == "do" and r.ok:
                works.append(r)
            elif r.obj == q.id and r.op == "put" and r.ok and r.args:
                put_back.add(r.args[0])
            elif r.obj == q.id and r.op == "task_done" and r.ok and held:
                task_dones += 1
                item = held.popleft()
                # finished: a do(item) that had ENDED before this task_done() began
                if item is not None and not any(w.args[0] == item and w.end is not None
                                                and w.end < r.seq
                                                for w in works):
                    early_done.append((c, item, item in put_back))
        for item in held:
            never_done.append(f"{c}'s get() of {'None' if item is None else f'task {item}'}")
        # between tasks, a look at its stop: from the end of one do() to the next,
        # both the consumer's own thread's (a thread of the learner's that took its
        # name is another: whether its do() began before or after the consumer's
        # look was the machine's timing, and so was this check's verdict)
        need, own = False, rep.tid_of(c)
        for r in ledger:
            if r.who != c or not r.ok or (own is not None and r.tid != own):
                continue
            if r.obj == stops[c].id and r.op in ("is_set", "wait"):
                need = False
            elif r.obj == do.id and r.op == "do":
                if need:
                    blind.append(f"{c} began task {r.args[0]} without a look at its stop since "
                                 "its last task (a stop set between them would be missed)")
                    break
                need = True
        stopped = stops[c].set_at is not None
        if rep.ended(c) and not got_none and not stopped:
            early_return.append(f"{c} returned before it got None, with no stop set "
                                "(a quiet queue, or another consumer's None, is no reason to return)")
    # A thread the learner's code started (not a consumer's own): no task once
    # any of its threads has seen a stop set (which consumer it works for is not
    # known; a helper doing a consumer's work all along would miss the check's
    # moments, which follow the consumers by name, anyway).
    saw_set = first_seen_set(ledger, stops.values())
    for r in ledger:
        if (r.obj == q.id and r.op == "get" and r.ok and r.value is not None
                and r.who not in stops and saw_set is not None and r.seq > saw_set):
            after_stop.append(f"{r.who} (a thread your code started) took task {r.value} "
                              "after a stop was seen set")
    # tasks.join() returns when unfinished is 0; the grader's own items still
    # queued are reported elsewhere (a task never done), the learner's are not
    put_left = q.learner_left()
    # nothing put back: a None a consumer puts ends another one, and the check's own
    # None for that one is left (twelfth hostile reading: the leftover hid it)
    puts = [(r.who if r.who in stops else f"{r.who} (a thread your code started)",
             r.args[0] if r.args else None) for r in ledger if r.obj == q.id and r.op == "put"]
    return {"early_done": early_done, "never_done": never_done, "after_stop": after_stop,
            "puts": puts,
            "blind": blind, "late_done": late_done,
            "early_return": early_return, "put_left": put_left, "task_dones": task_dones,
            "unfinished": q.unfinished - (len(q.items) - put_left)}


def _done_after_work(f):
    if not f["early_done"]:
        return True, "after the work"
    who, item, put_back = f["early_done"][0]
    if put_back:
        return False, (f"{who} put task {item} back on the queue and called task_done() for "
                       "it: a task taken is finished, never put back")
    return False, f"{who} called task_done() for task {item} before do({item}) finished"


def _joined(f):
    nd, put_left = f["never_done"], f["put_left"]
    if f["puts"]:
        who, item = f["puts"][0]
        what = "None" if item is None else f"task {item!r}"
        return False, (f"{who} put {what} back on the queue: a consumer takes tasks and "
                       "puts nothing back (each gets a None of its own)")
    if not nd and f["unfinished"] == 0 and not f["late_done"]:
        return True, "one task_done() per get(): tasks.join() returns"
    if not nd and put_left:
        return False, (f"tasks.join() would wait for ever: {put_left} item(s) your consumers "
                       "put on the queue were never taken")
    if nd and not f["task_dones"]:  # which consumer held which task is the scheduler's
        return False, "tasks.join() would wait for ever: your consumers never call task_done()"
    if nd or f["unfinished"]:
        return False, ("tasks.join() would wait for ever: no task_done() for "
                       + (", ".join(nd[:3]) if nd else f"{f['unfinished']} get(s)"))
    # every task done in the end, but one late: a tasks.join() while the queue
    # was quiet would have waited for a task whose work was over
    return False, f"tasks.join() would wait while the queue is quiet: {f['late_done'][0]}"


def _no_task_after_stop(f):
    a = f["after_stop"]
    return not a, "none" if not a else a[0]


def _looked_between(f):
    b = f["blind"]
    return not b, "a look between every two tasks" if not b else b[0]


def _kept_running(f):
    e = f["early_return"]
    return not e, "until None or its stop" if not e else e[0]


CONSUMER = Exercise(
    id="lost-task/consumer",
    lab="lost-task",
    title="A consumer that never loses a task",
    statement=(
        "Write `consumer(tasks, stop, do)`. It takes tasks from `tasks` (a `queue.Queue`: "
        "`get`, `get_nowait`, `put`, `task_done`, `join`, `qsize`, `empty`) and does each "
        "with `do(n)`, itself (in the thread that called it: the check knows each consumer "
        "by its thread), calling `tasks.task_done()` once for every `get()`, after the work "
        "and before its next `get()`. "
        "The task `None` means \"no more tasks\": mark it done too, and return. Between "
        "tasks, if `stop` (this consumer's own `threading.Event`: `is_set()`, "
        "`wait(timeout)`) is set, return; a queue that is empty for a while is not a "
        "reason to return. Useful imports: `threading`, `queue`, `time`, `logging`, "
        "`collections`.\n\n"
        "The check runs three of your consumers on 12 tasks, 0 to 11 (the grader's queue, `do` and "
        "Events) and sets consumer-1's stop while it is in the middle of a task (or "
        "before it starts, or, every task but the last done, as it waits in a `get()`: the "
        "last task comes with the stop); in one run (its queue empty at first) it "
        "sets consumer-2's stop instead, as consumer-2 pauses after a look at it that said "
        "no (asleep outside "
        f"any call on the check's objects, or busy without a call for {PAUSE_CPU_S * 1000:.0f} "
        "ms of CPU, before its next `get()`, "
        "whatever it called meanwhile; a `get()` with a timeout that timed out is such a "
        "pause too: a pause between that look and the next `get()` "
        f"misses the stop), or else in the middle of its {PAUSE_TASK}rd task; in some runs "
        "the tasks come in three batches, each after a quiet period, and consumer-1's stop "
        "comes as it waits on its stop (`stop.wait(timeout)`) before the last batch, the "
        "queue empty (if it waits on it at all; else after the last task). Every task "
        "must be done exactly once; `task_done()` "
        "comes after `do(n)` has finished and before the consumer's next `get()`, once per "
        "`get()`, `None` included (nothing put "
        "back: once every consumer has returned, `tasks.join()` returns); a consumer "
        "takes no task once its stop is set (no `get()` begun after it; a `get()` already "
        "waiting may still return a task, to be done and marked done like any other, or "
        "`None`); "
        "every consumer looks at its stop between two "
        "tasks (one task at a time); a consumer returns only on its `None` or its "
        "stop. The check's quiet periods are its own time, not your run's, and run on a "
        "fast clock: in each, an hour of your waits with a timeout (`get()`, `stop.wait()`, "
        "`threading`'s timers and waits) pass at once, and the clocks of `time` move on "
        "with them (your first 100 waits of a period pass their own timeout each; each "
        "after them passes at least the time passed before it, as a "
        "timeout is only the least a wait lasts: keep time on a clock, not by counting "
        "waits). Outside them your waits take real time, and a run has 3 s of it: a nap "
        "on the stop (a task does not end it, as it ends a `get()` with a timeout) of 2 s "
        "while tasks wait runs out of it."),
    functions=("consumer",),
    signatures=(("tasks", "stop", "do"),),
    skeleton=(
        "def consumer(tasks, stop, do):\n"
        "    while not stop.is_set():\n"
        "        n = tasks.get()\n"
        "        do(n)\n"),
    modes=("midway", "trickle", "before-first", "midway-2nd", "after-last", "pause"),
    scenario=consumer_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    fast_clock=True,  # a threading.Timer's or Event's timeout sees the fast clock too
    pause_runs=True,  # the pause run: every timed wait of your own is told (wire.Clock)
    explore_steps=64,
    explore_modes=tuple(SMALL + m for m in ("midway", "trickle", "before-first", "midway-2nd",
                                            "after-last")),
    checks=(
        Check("every task done exactly once", "each done once", _each_once,
              ("A task your consumer took was never done: it was lost with the consumer.",
               "Check `stop` before `get()`, never between `get()` and `do(n)`: a task "
               "taken must be finished.",
               "Notebook 02, `consume_cooperatively` (the `fixed` variant)."),
              causes=(("never done", ()), ("done twice or more", (
                  "A task was done more than once: `do(n)` ran again for a task already done.",
                  "Call `do(n)` once per task you took: never retry it, never put a task "
                  "back on the queue.",
                  "Notebook 02, `consume_cooperatively` (the `fixed` variant).")))),
        Check("task_done() after the work", "after the work", _done_after_work,
              ("`task_done()` told the queue a task was finished before it was.",
               "Call `tasks.task_done()` after `do(n)` returns: in a `finally:` around it.",
               "Notebook 02, `consume_cooperatively`: `try: ... finally: scene.q.task_done()`."),
              causes=(("back on the queue", (
                  "A consumer put a task it had taken back on the queue: a task taken is "
                  "finished, never handed back.",
                  "Look at `stop` before `get()`, never between `get()` and `do(n)`; once "
                  "you hold a task, do it.",
                  "Notebook 02, `consume_cooperatively` (the `fixed` variant).")),)),
        Check("one task_done() per get()", "tasks.join() returns", _joined,
              ("`tasks.join()` waits for one `task_done()` per `get()`; one is missing.",
               "Call `tasks.task_done()` in a `finally:` right after the `get()`, so every "
               "path out of a task (None, an exception) marks it done.",
               "Notebook 02, `consume_cooperatively`: `try: ... finally: scene.q.task_done()`."),
              causes=(
                  ("never call task_done()", (
                      "`tasks.join()` waits for one `task_done()` per `get()`; your consumers "
                      "never call it.",
                      "Call `tasks.task_done()` once per `get()`, after the work: in a "
                      "`finally:` around `do(n)`.",
                      "Notebook 02, `consume_cooperatively`: `try: ... finally: "
                      "scene.q.task_done()`.")),
                  ("back on the queue", (
                      "Your consumer put something back on the queue: another consumer "
                      "takes it (a None ends it early), and what the check put is left.",
                      "Put nothing back: on `None`, call `task_done()` and return (each "
                      "consumer gets a `None` of its own).",
                      "Notebook 02, `consume_cooperatively`: `if n is SENTINEL: break`.")),
                  ("put on the queue were never taken", (
                      "Your consumers put items on the queue that nobody took: "
                      "`tasks.join()` counts them as unfinished.",
                      "Put nothing back: on `None`, call `task_done()` and return (each "
                      "consumer gets a `None` of its own).",
                      "Notebook 02, `consume_cooperatively`: `if n is SENTINEL: break`.")),
                  ("would wait while the queue is quiet", (
                      "A consumer marked a task done only later, at its next `get()`: while "
                      "the queue is quiet, `tasks.join()` waits for work that is over.",
                      "Call `tasks.task_done()` as soon as `do(n)` has finished: in a "
                      "`finally:` around `do(n)`, before the next `get()`.",
                      "Notebook 02, `consume_cooperatively`: `try: ... finally: "
                      "scene.q.task_done()`.")))),
        Check("no task taken after a stop", "none", _no_task_after_stop,
              ("A consumer went on taking tasks after its stop was set.",
               "Look at `stop` before every `get()`: `while not stop.is_set():` around it.",
               "Notebook 02, `consume_cooperatively`.")),
        Check("a look at stop between tasks", "a look between every two tasks", _looked_between,
              ("A consumer began a task without looking at its stop after the one before: "
               "a stop set in between was missed.",
               "Take one task at a time, and look at `stop` before each `get()`: `while not "
               "stop.is_set():` around it; no task taken ahead of time.",
               "Notebook 02, `consume_cooperatively`.")),
        Check("kept running through quiet periods", "until None or its stop", _kept_running,
              ("A consumer returned because the queue was empty for a moment.",
               "Return only on `None` or when `stop` is set; wait with `get()` or "
               "`get(timeout=...)` and loop on `queue.Empty`.",
               "Notebook 02, `consume_cooperatively`.")),
    ),
    lab_cell="Notebook 02, `consume_cooperatively` (the `fixed` variant)",
    ended_hints=(
        "A consumer never ended: it waits in `get()` for a task that never comes, or "
        "ignores `None`.",
        "On `None`, call `task_done()` and return.",
        "Notebook 02, `consume_cooperatively`: `if n is SENTINEL: break`."),
    moment_hints=(
        "The consumer the check stops never started the task it waits for, or the check "
        "never saw "
        "your consumers wait for the next task.",
        "Take tasks with `tasks.get()` and do each with `do(n)`.",
        "Notebook 02, `consume_cooperatively`."),
)


# ---------------------------------------------------------------- the shutdown

class GThread(GObject):
    """A consumer thread of the GRADER (cooperative: it ends on None),
    seen by the learner as ``join(timeout)``, ``is_alive()``, ``name``.

    The grader decides when it moves, as a slow machine could: in ``busy``
    runs it holds its first task until shutdown() waits for something (a
    put, tasks.join(), an untimed join, or a second look). It never ends
    during a timed join: it ends (once it has its None) only when the
    learner's code waits for it without a timeout, or looks at it again
    (timed join or is_alive()) after is_alive() said True. A timed join
    that finds it running returns at once, its whole timeout passed on the
    learner's clocks (SlowEnd.passing: an hour of them; then it waits its
    full timeout, held time: the budget grows by it). ``seen_end``: the learner's code saw it end (join()
    returned, or is_alive() was False). The slow one, once its hour is
    over, runs on in real time (``slow.keep``) until the grader lets it go
    (``_keep_slow``).

    ``shared["slow"]`` (SlowEnd): the one of them that first runs a while
    on the learner's fast clock, and the timed joins that pass it."""
    kind = "Thread"

    def __init__(self, rep, name, q, do, shared, shown=None):
        super().__init__(rep, name)
        self.shown = shown or name  # the name your code sees (``name``): two may share one
        self.q, self.do, self.shared = q, do, shared
        self.taken: list = []
        self.reserved: deque = deque()  # the next items, set aside by looks (step)
        self.holding = False       # inside its first task, held by the busy gate
        self.at_exit = False       # took its None, held until observed
        self.let_go = False
        self.ended = False
        self.looks = 0
        self.armed = False         # is_alive() said True: the next look lets it end
        self.seen_end = False

    def ref(self):
        return {"$": self.id, "kind": "Thread", "name": self.shown}

    def run(self) -> None:
        threading.Thread(target=self._consume, name=f"grader-{self.name}", daemon=True).start()

    def _consume(self) -> None:
        from labs.practice.arena import Ended
        q, cond = self.q, self.arena.cond
        try:
            with cond:
                while True:
                    self.block(lambda: bool(self.reserved) or (bool(q.items) and self._may_take()))
                    item = self.reserved.popleft() if self.reserved else q.items.popleft()
                    self.taken.append(item)
                    self.changed()
                    if item is None:
                        q.unfinished -= 1
                        self.at_exit = True
                        self.changed()
                        self.block(lambda: self.let_go and not self.kept())
                        self.ended = True
                        self.changed()
                        return
                    if self.shared["busy"] and len(self.taken) == 1:
                        self.holding = True
                        self.changed()
                        self.block(lambda: self.shared["open"] or self.shared["steps"] > 0)
                        self.holding = False
                    self.do.done[item] = self.do.done.get(item, 0) + 1
                    q.unfinished -= 1
                    self.changed()
        except Ended:
            return

    def _may_take(self) -> bool:
        """(busy) Its first task, held until shutdown() waits or looks; after
        it, until shutdown() waits, only what a look at what is left set
        aside for it (``step``)."""
        return not self.shared["busy"] or self.shared["open"] or not self.taken

    def step(self) -> None:
        """(busy, under the monitor) A look at what is left (``qsize()``,
        ``empty()``) before shutdown() waits: this consumer finishes its task
        and takes the next, set aside for it at once (one a look, whenever its
        thread takes it), so the learner's next
        call finds the queue as the look left it (a peek with a timed get()
        that put the task back without its task_done() took one or found
        none, by the machine's timing: twenty-seventh session's hostile round)."""
        if not self.ended and not self.at_exit and None not in self.reserved and self.q.items:
            self.reserved.append(self.q.items.popleft())

    def kept(self) -> bool:
        """The slow one, its hour over, kept running in real time (_keep_slow)."""
        slow = self.shared["slow"]
        return self is slow.slow and slow.keep and not slow.on()

    def stuck(self) -> bool:
        """It cannot move without a put: it waits for a task on an empty queue."""
        return not self.ended and not self.at_exit and not self.holding and not self.q.items

    def _wait_end(self, timeout):
        self.shared["open"] = True
        self.let_go = True
        self.changed()
        self.block(lambda: self.ended or self.stuck(), timeout)

    def op_join(self, rec, timeout=None):
        slow = self.shared["slow"]
        self.shared["alive_credit"].looks(rec)
        if timeout is None:
            slow.untimed(self)  # waited for without a timeout: no clock to pass
            self.shared["open"] = True
            self.let_go = True
            self.changed()
            self.block(lambda: self.ended)
            self.seen_end = True
            return None
        t = wait_timeout(timeout)
        if not self.ended:
            too_large(t)  # as a real thread's join does while it runs (all of 3.10 to 3.15)
        if self is slow.slow and not self.ended and slow.on():
            return slow.join(self, t)
        if not self.ended and self.kept():
            self.changed()  # (the grader's keeper looks at the hour's end)
            self.shared["hold"](t)  # kept running: the whole timeout, unless let go meanwhile
            if not self.block(lambda: not self.kept(), t):
                return None
        self.looks += 1
        if self.ended:
            return None
        if self.armed:  # it was said alive: the learner looks again, it may end
            self._wait_end(None)
            return None
        if self.looks > 1:
            self.shared["open"] = True
            self.changed()
        # its whole timeout passes at once, on the fast clock: the slow one's
        # hour, or the others' (SlowEnd.passing)
        fast = slow.join(self, t) or (None if self is slow.slow else slow.passing(t))
        if fast is not None:
            return fast
        self.shared["hold"](t)  # held: it stays alive for the whole timeout
        self.block(lambda: self.ended, t)
        return None

    def op_is_alive(self, rec):
        self.shared["alive_credit"].looks(rec)
        slow = None if self.ended else self.shared["slow"].alive(self)
        if slow is not None:
            # the slow one's True: the naps until the next look are the check's doing
            # too, once its hour is over (an hour that ends amid a run of naps left
            # the rest real, and the run's end to the order of the runs)
            self.shared["alive_credit"].said_alive(rec)
            return slow
        if not self.ended and self.kept():
            self.changed()
            self.armed = True  # once let go, the next look may see it end
            self.shared["alive_credit"].said_alive(rec)  # a nap now waits until then (AliveNap)
            return True
        self.looks += 1
        if not self.ended and self.armed:
            self._wait_end(None)
        if self.ended:
            self.seen_end = True
            return self.shared["slow"].reply(False)
        if self.looks > 1:
            self.shared["open"] = True
            self.changed()
        self.armed = True
        self.shared["alive_credit"].said_alive(rec)
        if self.shared["busy"]:
            # (a fast period as far as the learner's process knows: its next timed
            # wait on an Event of its own asks the grader's clock, which says "wait"
            # and counts it as a nap between looks, _long_waits, as a time.sleep's
            # is. Unseen until the thirty-first session's hostile round: 1.4 s and
            # 2 s Event naps between is_alive() looks passed every busy run)
            return OnFastClock(True, fast=True)
        return self.shared["slow"].reply(True)


# the numbers of consumers; the statement says only "2 or more" (five None's put
# whatever the list, the most it once named, then a drain, left a seventh running)
SHUTDOWN_MODES = {"busy": 3, "idle": 2, "busy-7": 7, "idle-4": 4, "busy-backlog": 2}
BACKLOG = 240  # busy-backlog's tasks: 2 consumers empty the queue in 119 looks at what is
               # left; each moves the learner's clocks on by BACKLOG_LOOK_S (a task's
               # time), and a nap just after it passes at once on them (PeekNap): code
               # that waits a fixed time for the queue to empty, then throws the rest
               # away, throws some away, whether it naps between looks or spins (with
               # 12 tasks, 4 looks emptied it: such code passed every grading, the
               # twenty-seventh session's hostile round; spinning, or with 2 ms naps on
               # an Event, a 3 s grace passed the thirty-first's first busy-backlog).
               # Not 1000: under load the 2000 calls that throw them away outlasted
               # the run's 3 s, and the failure named was another
BACKLOG_LOOK_S = 30.0  # ... so the queue empties after an hour of the learner's clock
# busy-7's last consumer has the name of the one before it, as threads may: code
# that keeps consumers by name loses one (eleventh hostile reading's dict by name)
TWINS = ("the first of two so named", "the second of two so named")


def shutdown_scenario(rep):
    """N consumers of the grader (3, 2, 7, 4 or 2; busy-7's last two share
    a name) on TASKS tasks (busy-backlog: BACKLOG). ``busy``: your
    shutdown() is called while every consumer holds its first task, with
    the rest queued; ``idle``: once every task is done and every consumer
    waits for the next, and consumer-1 runs SLOW_S on the learner's clock,
    through its timed joins, before it can end (SlowEnd)."""
    n, mode = rep.n, rep.mode
    k = SHUTDOWN_MODES[mode]
    tasks = BACKLOG if mode == "busy-backlog" else TASKS
    q, do = rep.add(GQueue(n)), rep.add(GDo(n, tasks=tasks))
    shared = {"busy": mode.startswith("busy"), "open": False, "steps": 0, "hold": rep.hold,
              "slow": SlowEnd(), "alive_credit": AliveCredit(rep.hold, NAP_MAX_S)}
    for t in range(1, tasks + 1):
        q.put_now(t)
    called = [f"consumer-{i + 1}" for i in range(k)]
    shown = list(called)
    if mode == "busy-7":  # the grader's messages tell the two apart
        shown[-1] = twin = called[-2]
        called[-2:] = [f"{twin} ({TWINS[0]})", f"{twin} ({TWINS[1]})"]
    consumers = [rep.add(GThread(n, name, q, do, shared, shown=seen))
                 for name, seen in zip(called, shown)]
    if not shared["busy"]:  # idle: consumer-1 takes an hour to end, on your clock,
        shared["slow"] = SlowEnd(SLOW_S, consumers[0], fine=SLOW_FINE)
        shared["slow"].keep = True  # ... then runs on until let go (_keep_slow)
    slow = shared["slow"]
    # busy-backlog: the threads that looked at what is left since their last nap
    peeked: set[int] | None = set() if mode == "busy-backlog" else None
    # naps on the grader's clock: in the slow hour (idle), and after a consumer's
    # True at its first look (AliveNap: that nap is the check's doing)
    rep.clock_nap = rep.add(PeekNap(shared["slow"], shared["alive_credit"], peeked))
    alive_at_return = []

    def opens(rec):  # shutdown() waits for something, or looks at what is left: the
        # consumers may move (not at a put: code that takes from the queue after its
        # puts then finds tasks there; ninth hostile reading: taking the head item
        # back, or every item up to the first None, passed every grading); a look
        # that does not wait, one task each (GThread.step)
        if rec.op in ("qsize", "empty") and shared["busy"] and not shared["open"]:
            shared["steps"] += 1
            if peeked is not None:
                peeked.add(rec.tid)
            for c in consumers:
                c.step()
        else:
            shared["open"] = True
        a.cond.notify_all()
    a = rep.arena
    q.on_wait = opens
    if peeked is not None:
        # (the look's reply moves the learner's clocks on, and opens a fast
        # period: a timed wait on an Event of the learner's own then asks the
        # grader's clock, PeekNap.op_passed, as a time.sleep does; the next
        # reply ends it)
        q.look_news = lambda rec: ({"skew": BACKLOG_LOOK_S, "fast": True}
                                   if rec.tid in peeked else None)
    for c in consumers:
        c.run()
    if shared["busy"]:
        a.wait_for(lambda: all(c.holding for c in consumers), 2.0)
    else:
        a.wait_for(lambda: q.unfinished == 0 and all(c.stuck() for c in consumers), 2.0)
    rep.spawn("shutdown", "shutdown", q, consumers)
    rep.go()
    rep.until(lambda: rep.reports.calls["shutdown"] != [], "shutdown() called")
    # the moment shutdown() returns, under the monitor: which consumers run
    # (not a moment of its own: "your function returned" says when it did not)
    rep.wait(lambda: rep.ended("shutdown") or bool(a.anomalies) or consumers[0].kept())
    if not rep.ended("shutdown") and not a.anomalies and consumers[0].kept():
        _keep_slow(rep, slow)
        rep.wait(lambda: rep.ended("shutdown") or bool(a.anomalies))
    with a.cond:
        slow.keep = False
        alive_at_return = [c.name for c in consumers if not c.ended]
        unseen = [c.name for c in consumers if c.ended and not c.seen_end]
        took = [r.value for r in a.of(q, "get") if r.ok and r.who == "shutdown"]
        shared["open"] = True
        for c in consumers:
            c.let_go = True
        a.cond.notify_all()
    # then the consumers drain what is left: each ends, or waits on an empty queue
    a.wait_for(lambda: all(c.ended or c.stuck() for c in consumers) or bool(a.anomalies),
               max(rep.left(), 1.0))
    with a.cond:
        left = list(q.items)
    facts = rep.finish()
    thrown = [x for x in took if x is not None]
    facts["long_waits"] = _long_waits(rep, cut=not facts["calls_ended"])
    facts.update(do.fates())
    facts.update(alive_at_return=alive_at_return, unseen=unseen, consumers=k,
                 nones_left=sum(1 for x in left if x is None),
                 thrown=("shutdown() took them off the queue" if thrown else ""),
                 unfinished=q.unfinished - len(left))
    return facts


class PeekNap(AliveNap):
    """shutdown()'s naps (AliveNap's), but in the busy-backlog run a nap, or
    a timed wait of the learner's own, just after a look at what is left
    (``qsize()``, ``empty()``; one nap a look) passes at once, and the
    learner's clocks move on by it (the look's reply moved them on
    BACKLOG_LOOK_S already, and opened a fast period so that a wait on an
    Event of the learner's own comes here: ``look_news``). BACKLOG tasks are
    queued and each look lets each consumer take one: code that waits a
    fixed time on its clock for the queue to empty, then throws the rest
    away, reaches its deadline with tasks left, however slow the machine; a
    right answer's naps cost no real time."""

    def __init__(self, slow: SlowEnd, credit: AliveCredit, peeked: set | None):
        super().__init__(slow, credit)
        self.peeked = peeked

    def _at_once(self, rec, seconds) -> bool:
        """Whether this nap passes at once: just after a look at what is left
        (busy-backlog), or, in any run, longer than the statement's limit
        after a consumer's True (AliveCredit.owed; shorter ones pass at once
        already, AliveNap): that nap fails its check (_long_waits), and costs
        no real time. Until the thirty-first session it took its length, and
        under load a run of 1.4 s naps ran out of its 3 s first ("did not
        finish" was named, not the nap)."""
        if not (type(seconds) in (int, float) and 0 < seconds < FOREVER):
            return False
        if self.peeked is not None and rec.tid in self.peeked:
            self.peeked.discard(rec.tid)
            return True
        return (seconds > self.credit.cap and self.credit.owed(rec)
                and not self.slow.on() and not self.slow.keep)

    def op_sleep(self, rec, seconds):
        if self._at_once(rec, seconds):
            return OnFastClock(None, skew=seconds)
        return super().op_sleep(rec, seconds)

    def op_passed(self, rec, seconds):
        if self._at_once(rec, seconds):
            return OnFastClock(True, skew=seconds)
        return super().op_passed(rec, seconds)


def _keep_slow(rep, slow) -> None:
    """Once consumer-1's hour is over while shutdown() runs (idle): it runs
    on in real time until the learner's process is at rest (at most KEEP_S)
    and each wait with a timeout of the learner's own that it is in then has
    run out (Rep.outwait); then the grader lets it go. A
    ``threading.Timer(5.0)`` deadline sees the learner's clock only at its
    next 50 ms slice (wire.Clock.sliced), and an hour of ``join(0.1)`` can
    pass within one: it fires now, while consumer-1 still runs (as
    sigterm's late run does, its own ``_keep_slow``). The time is held."""
    a, pid, t0 = rep.arena, rep.session.pid, time.monotonic()

    def done() -> bool:
        return rep.ended("shutdown") or bool(a.anomalies) or a.child_gone
    try:
        wait.until(lambda: done() or rep.at_rest(pid) is not None, KEEP_S, poll=0.002,
                   queued=lambda: procfs.queued_both(pid))
        rep.hold(time.monotonic() - t0)
        rep.outwait(done)
    finally:
        with a.cond:
            slow.keep = False
            a.cond.notify_all()


def _long_waits(rep, cut: bool = False) -> list[str]:
    """shutdown()'s naps between two of its ``is_alive()`` looks, longer
    than NAP_MAX_S in all (the statement's words), as the grader sees them
    where it keeps the clock (every run: AliveNap): a ``time.sleep``, or a
    timed wait of its own that the fast period would pass. Naps in a row
    add up, whatever other calls come between them (a ``qsize()``); a
    ``join`` ends the count: it is a look that waits (the statement's
    ``join(timeout)``; a loop of ``join(3)`` is right, and so is a nap
    before an untimed ``join()``). Only shutdown()'s own thread's: a
    ``threading.Timer(5.0, ...)`` that gives the consumers a deadline waits
    5 s in its own thread (counted until the twentieth session, when a slice
    of the Timer's wait met the fast minute: 1 grading in 5 under load).
    Twenty 1 s naps between two looks passed, each measured alone, until
    then (the hostile round); a 1.5 s nap before any look failed. Each
    thread's own looks and naps, in whichever thread of the learner's they
    come (a helper thread that looked and napped 1.5 s, joined by shutdown(),
    passed every grading; twenty-fifth session's hostile round). In a run
    ``cut`` at its deadline, the naps since a thread's last look count too:
    the next look never came (a 2 s nap in a 3 s run was named only as
    "never returned", twenty-eighth session)."""
    nap = rep.clock_nap.id if rep.clock_nap is not None else None
    out: list[str] = []
    # per thread: seconds napped since its last is_alive() look (None: no look
    # before these naps), and those naps
    napped: dict[int, float | None] = {}
    naps: dict[int, list[str]] = {}
    for r in rep.ledger():
        if r.obj == "grader" or r.kind == "Rep":
            continue
        t = r.tid
        length = r.args[0] if r.args else None
        if r.obj == nap and r.op in ("sleep", "passed"):
            if napped.get(t) is not None and isinstance(length, (int, float)) \
                    and not isinstance(length, bool) and 0 < length < FOREVER:
                napped[t] += length
                naps[t].append(f"a nap of {secs(length)} s" if r.op == "sleep"
                               else f"a timed wait of {secs(length)} s")
        elif r.op == "is_alive":
            if napped.get(t) is not None and napped[t] > NAP_MAX_S:
                said = (naps[t][0] if len(naps[t]) == 1 else
                        f"{len(naps[t])} naps of {secs(napped[t])} s in all")
                out.append(f"{said} between two looks" if r.who == "shutdown"
                           else f"{said} (in {r.who}) between two looks")
            napped[t], naps[t] = 0.0, []
        elif r.op == "join":
            napped[t], naps[t] = None, []
    if cut:
        for t, length in napped.items():
            if length is not None and length > NAP_MAX_S:
                said = (naps[t][0] if len(naps[t]) == 1 else
                        f"{len(naps[t])} naps of {secs(length)} s in all")
                out.append(f"{said} since the last look, cut off by the run's end")
    return out


def _short_waits(f):
    w = f["long_waits"]
    return not w, (f"at most {NAP_MAX_S:g} s" if not w else f"{w[0]}: at most {NAP_MAX_S:g} s")


def _queue_joinable(f):
    u = f["unfinished"]
    return u == 0, ("tasks.join() returns" if u == 0 else
                    f"tasks.join() would wait for ever: {u} item(s) taken off the queue "
                    "with no task_done()")


def _none_per_consumer(f):
    k, left = f["consumers"], f["nones_left"]
    return left == 0, ("one None per consumer" if left == 0 else
                       f"{left} None(s) left in the queue with {k} consumers: "
                       "one per consumer, len(consumers)")


SHUTDOWN = Exercise(
    id="lost-task/shutdown",
    lab="lost-task",
    title="A shutdown that drains every consumer",
    statement=(
        "Write `shutdown(tasks, consumers)`. Every task is already in `tasks` (a "
        "`queue.Queue`: `put`, `get`, `task_done`, `join`, `qsize`, `empty`); each of the "
        "`consumers` (a list of started threads: `join(timeout)`, `is_alive()`, `name`; two "
        "may share a name) "
        "takes tasks until it gets `None` (and marks it done), then returns. Make every "
        "consumer end once every task is done, and return only when you have seen them "
        "all end: `join()` returned, or `is_alive()` is False (a nap between two "
        f"`is_alive()` looks: at most {NAP_MAX_S:g} s). Useful imports: "
        "`threading`, `queue`, `time`, `logging`.\n\n"
        "The check calls your `shutdown` with 2 or more consumers of its own, while every "
        "consumer is midway through a task and the rest are queued (they go on once "
        "`shutdown` waits: a `join`, `is_alive()` again, `tasks.join()`, a `get` that "
        "waits; not at a `put`; each look at what is left, `qsize()` or `empty()`, lets "
        f"each finish one task and take the next; in one run {BACKLOG} tasks are "
        f"queued, each such look moves the clocks of `time` on by {BACKLOG_LOOK_S:g} s, "
        "a task's time, and a nap just after it passes at once, the clocks moving on "
        "with it: wait for the work, not for a time), or once all are done; its "
        "consumers are slow: a timed `join` never sees one end, and the first "
        "`is_alive()` of one that has not ended says True (it ends when you wait for it "
        "with `join()`, or look again). Once all are done, one of them first runs an "
        "hour on your clock: your timed `join`s of it, and your naps between "
        "`is_alive()` looks, pass at once, and the clocks of `time` move on with them "
        f"(your first {SLOW_FINE} pass their own timeout each; each after them passes at "
        "least the time passed before it: keep time on a clock, not by counting looks); "
        "then it runs on until each wait with a timeout of at most 5 s that a thread of "
        "yours is in has run out (a `threading.Timer`: the kernel shows its wait). "
        "Every task must be done exactly once; every "
        "consumer must have ended, and you must have seen it, when `shutdown` returns; "
        "no `None` is left over, and `tasks.join()` returns: anything you take off the "
        "queue needs its `task_done()`."),
    functions=("shutdown",),
    signatures=(("tasks", "consumers"),),
    skeleton=(
        "def shutdown(tasks, consumers):\n"
        "    for t in consumers:  # each consumer waits for its None\n"
        "        t.join()\n"),
    modes=tuple(SHUTDOWN_MODES),
    scenario=shutdown_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    fast_clock=True,  # a threading.Timer's or Event's timeout sees the fast clock too
    checks=(
        Check("every task done exactly once", "each done once", _each_once,
              ("Tasks were thrown away before a consumer could do them.",
               "Put the `None`s after the tasks (the queue is FIFO) and let the consumers "
               "drain it; never empty the queue yourself.",
               "Notebook 02, the `fixed` variant: one sentinel per running consumer."),
              causes=(("never done", ()), ("done twice or more", (
                  "A task was done more than once: it was put on the queue again.",
                  "Put only the `None`s on the queue, never a task.",
                  "Notebook 02, the `fixed` variant: one sentinel per running consumer.")))),
        Check("every consumer ended before shutdown() returned", "all had ended",
              ended_before_return("shutdown()"),
              ("shutdown() returned while consumers were still working.",
               "After putting the `None`s, `join()` every consumer (or loop "
               "`while t.is_alive(): t.join(0.05)`).",
               "Notebook 02, `fixed`: it joins every consumer at the end.")),
        Check("tasks.join() returns after shutdown()", "tasks.join() returns",
              _queue_joinable,
              ("shutdown() took items off the queue and never marked them done.",
               "Put exactly one `None` per consumer and let the consumers take them; "
               "never take anything off the queue yourself.",
               "Notebook 02, `fixed`: `for _ in running: scene.q.put(SENTINEL)`.")),
        Check("one None per consumer", "one None per consumer", _none_per_consumer,
              ("More `None`s than consumers: the extra ones are never taken.",
               "`for _ in consumers: tasks.put(None)`.",
               "Notebook 02, `fixed`: `for _ in running: scene.q.put(SENTINEL)`.")),
        Check("a nap between two looks", f"at most {NAP_MAX_S:g} s", _short_waits,
              in_cut_runs=True, hints=(
                f"shutdown() napped longer than {NAP_MAX_S:g} s between two `is_alive()` "
                "looks.",
                f"Nap at most {NAP_MAX_S:g} s between two looks (`time.sleep(0.5)`), or "
                "wait in `join()`, with or without a timeout (`while t.is_alive(): "
                "t.join(0.5)`).",
                "Notebook 02, `fixed`: it joins every consumer at the end.")),
    ),
    lab_cell="Notebook 02, the `fixed` variant",
    ended_hints=(
        "Your shutdown() never returned: some consumers never got a `None` (each takes "
        "exactly one), or it waits for something that never comes.",
        "Put one `None` per consumer (`len(consumers)`), then join them all.",
        "Notebook 02, `fixed`: `for _ in running: scene.q.put(SENTINEL)`."),
)

EXERCISES = [CONSUMER, SHUTDOWN]
