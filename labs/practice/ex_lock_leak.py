"""Exercises for lab 1, lock-leak: stop a transfer worker without cutting a
transfer; keep the lock and the data whole when a transfer fails midway.

Graded by the trusted engine (labs.practice.engine): the bank, the lock and
the stop Event live in the grader; the learner's workers reach them through
proxies, and every verdict is read from the grader's ledger of operations."""
from __future__ import annotations

import time

from labs.child import procfs
from labs.practice.arena import STALL_S, FastClock, GEvent, GLock, GObject, Raise, _number, first_seen_set
from labs.practice.exercises import Check, Exercise
from labs.practice.pauses import PAUSE_CPU_S, LookNap, StopAtPause, said_no
from labs.practice.policy import COMMON_MODULES

AMOUNT = 10
WORKERS = 3
QUOTA = 10  # stop-worker's ``between``: the transfers each worker makes before the stop.
            # Not in the statement: a worker capped at ten, the number it once gave, waited
            # there for the stop. More costs a worker paced by time.sleep(1) its budget
            # (ten take 10 s: about all a run's budget and holds allow, engine.HELD_CAP_S)
PACE_S = 3600.0  # stop-worker: the timed stop.wait()s that pass at once, per worker
PAUSE_TRANSFERS = 3  # stop-worker's ``pause``: worker-1's stop comes as it pauses after a
                     # look, or else at its next look (or acquire) after this many transfers
START = {"alice": 1000, "bob": 1000}


class GBank(GObject):
    """Two accounts whose total is the invariant, on the grader's side.
    ``debit`` can hold its caller (the forced moment: midway through a
    transfer) and ``credit`` can raise Frozen, as the repetition asks, held
    first if asked. Each operation notes whether its caller held ``lock`` then."""
    kind = "Bank"

    def __init__(self, rep, lock: GLock, accounts=None):
        super().__init__(rep, "bank")
        self.lock = lock
        self.accounts = dict(accounts or START)
        self.total = sum(self.accounts.values())
        self.hold_on = None      # (thread name, its nth debit): held there
        self.held = None         # the debit record being held
        self.held_version = None  # the monitor's version once it was held
        self.released = False
        self.fail_on = {}        # (thread name, its nth credit) -> the error it raises
        self.hold_failing = False  # hold that credit before it raises, as ``hold_on``
        self.credits_by: dict[str, int] = {}
        self.debits: dict[str, int] = {}
        self.credits = 0
        self.before_take = None  # hook: (rec) a debit arrives (pauses.StopAtPause)

    def _note_lock(self, rec):
        """Whether the caller holds the lock, and which acquisition of it."""
        rec.note["locked"] = self.lock.held_by(rec)
        rec.note["acquired_at"] = self.lock.owner_seq if rec.note["locked"] else None

    def _check(self, rec, who, amount):
        """A call the bank refuses raises; no money moved, and it is noted so
        (``refused``: no debit or credit of a transfer), with whether its
        caller held the lock (a refused debit under the lock was said to run
        without it, and then to be a transfer cut in half: fuzzing, thirtieth
        session)."""
        try:
            if not isinstance(who, str) or who not in self.accounts:
                raise Raise("KeyError", repr(who))
            if _number(amount) <= 0:  # a debit of -10 is not a credit: the bank says so
                raise Raise("ValueError", f"amount must be positive, not {amount!r}")
        except Raise:
            self._note_lock(rec)
            rec.note["refused"] = True
            raise

    def op_debit(self, rec, who, amount):
        self._check(rec, who, amount)
        if self.before_take is not None:
            self.before_take(rec)
        self._note_lock(rec)
        self.accounts[who] -= amount
        k = self.debits[rec.who] = self.debits.get(rec.who, 0) + 1
        self.changed()
        if self.hold_on == (rec.who, k):
            self._hold(rec)

    def _hold(self, rec):
        """Hold the caller here until the scenario lets it go (``released``);
        if it holds the lock, the lock is stalled meanwhile (GLock.stalled)."""
        self.held = rec
        self.lock.stall(self.lock.held_by(rec))
        self.changed()
        self.held_version = self.arena.cond.version  # waiters parked since saw the stall
        self.block(lambda: self.released)

    def op_credit(self, rec, who, amount):
        self._check(rec, who, amount)
        self._note_lock(rec)
        self.credits += 1
        k = self.credits_by[rec.who] = self.credits_by.get(rec.who, 0) + 1
        self.changed()
        error = self.fail_on.get((rec.who, k))
        if error is not None:
            rec.note["frozen"] = error
            if self.hold_failing and self.lock.held_by(rec):
                self._hold(rec)
            raise Raise(error, f"{who}'s account is frozen" if error == "Frozen"
                        else "the bank is offline")
        self.accounts[who] += amount

    def missing(self) -> int:
        return self.total - sum(self.accounts.values())


def _bank_ops(rep, bank):
    return [r for r in rep.arena.of(bank) if r.op in ("debit", "credit")]


def _lock_facts(rep, bank, lock) -> dict:
    """Facts every lock-leak exercise needs: the lock around every bank
    operation, the lock at the end, the money."""
    unlocked = sorted({r.who: r for r in reversed(_bank_ops(rep, bank))
                       if not r.note.get("locked")}.values(), key=lambda r: r.who)
    # A transfer runs from a thread's debit to its next debit: every operation
    # in it under one acquisition of the lock, or another thread can run in between.
    # (a thread whose credit comes before its debit pairs them wrongly: the
    # order is its flaw, named by the exercise's own check: _credit_first)
    split, current = {}, {}
    backwards = _credit_first(rep, bank)
    for r in _bank_ops(rep, bank):
        if not r.note.get("locked") or r.who in backwards:
            continue
        if r.op == "debit":
            current[r.who] = r.note["acquired_at"]
        elif r.who in current and r.note["acquired_at"] != current[r.who]:
            split.setdefault(r.who, f"{r.who}'s {r.op}")
    return {"unlocked": [f"{r.who}'s {r.op}" for r in unlocked],
            "split": [split[w] for w in sorted(split)],
            "lock_holder_at_end": lock.owner_name,
            "missing": bank.missing(), "total": bank.total}


def _lock_used(f):
    u, split = f["unlocked"], f["split"]
    if u:
        return False, f"{u[0]} ran without holding `lock` (the lock you were given)"
    if split:
        return False, (f"{split[0]} took `lock` again after its debit let it go: another "
                       f"thread could run between the two halves of the transfer")
    return True, "held by the caller around every debit and credit, once per transfer"


def _lock_free(f):
    h, out = f["lock_holder_at_end"], f.get("locked_out")
    if out:  # freed later, by another thread (a Timer): not when the error left
        return False, f"{out[0]}: the lock must be free when the transfer ends"
    return h is None, "free" if h is None else f"still held by {h} after it returned"


def _invariant(f):
    m, t = f["missing"], f["total"]
    return m == 0, (f"alice + bob = {t}" if m == 0 else
                    f"alice + bob = {t - m}: {m} vanished" if m > 0 else
                    f"alice + bob = {t - m}: {-m} appeared")


SPLIT_HINTS = (  # both halves under the lock, in two acquisitions
    "The debit and the credit each ran with the lock held, but in two acquisitions: "
    "another worker could run between the two halves of a transfer.",
    "One `with lock:` around both the debit and the credit (and any undo), not one "
    "per call.",
    "Notebook 01, `transfer_with`.")


# ---------------------------------------------------------------- stop between transfers

def stop_scenario(rep):
    """Three workers transfer until stopped; the grader sets ``stop``
    ``before-first``: before any worker starts; ``midway``: while worker-1
    is held inside its 1st debit (holding the lock, if it took it);
    ``midway-3rd``: inside its 3rd; ``between``: once every worker has made
    QUOTA transfers (each waits at its next look at ``stop``, or its next
    acquire of the lock, until then); ``pause``: as worker-1 pauses after a
    look at ``stop`` that said no, before its next debit (``StopAtPause``:
    a nap, I/O on no socket, or busy CPU; or a timed ``stop.wait()``, which
    returns True then; its first timed or non-blocking acquire after such a
    look finds the lock busy, ``_busy_once``), or else at its next look or
    acquire once it has made PAUSE_TRANSFERS transfers (held there until
    then). A worker that pauses there begins its next transfer after the
    stop, with no look since (``stale``)."""
    n, mode = rep.n, rep.mode
    lock = rep.add(GLock(n))
    stop = rep.add(GEvent(n, "stop"))
    if mode != "pause":
        # a timed stop.wait() that would wait passes at once, on the learner's clock
        # (a worker that paces its transfers with it: an hour of them in all)
        stop.fast_by = FastClock(looks=None)
        stop.fast_by.start({}, every=PACE_S)
    # (pause: no fast clock. A reply that says the clock runs fast makes a
    # time.sleep in the learner's process pass at once, unseen: a worker that
    # looked under the lock, then napped 20 ms, passed every grading; hostile
    # round, twenty-fourth session. Worker-1's first timed stop.wait() gets the
    # stop as it begins, StopAtPause, which ends the others' timed waits too)
    bank = rep.add(GBank(n, lock))
    if mode in ("midway", "midway-3rd"):
        bank.hold_on = ("worker-1", 1 if mode == "midway" else 3)
    if mode == "before-first":
        stop.set_now()

    def credits(who) -> int:
        return bank.credits_by.get(who, 0)

    def hold_after(transfers, only=None):
        """A worker (``only`` that one, if named) that has made ``transfers``
        transfers waits at its next look at stop (outside the lock), or at
        its next acquire of the lock for one that does not look first, until
        the stop."""
        def due(rec) -> bool:
            return (only is None or rec.who == only) and credits(rec.who) >= transfers
        stop.hold_look = lambda rec: lock.owner_name != rec.who and due(rec)
        lock.hold_acquire = lambda rec: not stop.flag and due(rec)
    if mode == "between":
        # the stop comes once every worker has made QUOTA transfers: none can stop
        # transferring early, or be starved of its turns, unseen
        hold_after(QUOTA)
    if mode == "pause":  # worker-1's fallback moment, if it never pauses after a look
        hold_after(PAUSE_TRANSFERS, only="worker-1")
        lock.busy_for = _busy_once(rep, stop, bank)
        # time.sleep waits in the grader, where StopAtPause sees each nap
        # begin, however short (sleep(0) too): the sampler alone passed a
        # sleep(0.0002) between the look and the debit in 6 pause runs of 8,
        # and a sleep(0) in all (hostile round, thirty-second session)
        rep.run_nap = rep.add(LookNap(n))
    for i in range(WORKERS):
        rep.spawn(f"worker-{i + 1}", "worker", bank, lock, stop)
    rep.go()
    if mode == "pause":
        # the transfer is the take: a pause after the look counts until the debit,
        # the lock taken or not (hostile round, twenty-fourth session: a nap or
        # 20 ms of CPU after the acquire, before the debit, passed every grading)
        watch = StopAtPause(rep, stop, "worker-1", bank, took=lambda r: r.op == "debit")
    if bank.hold_on:
        k = bank.hold_on[1]
        # (a stop your code set itself ends the wait too, as in the between run:
        # another worker that set it after its 5th transfer, before worker-1's
        # 3rd debit, failed "only the check set the stop" and, 1 grading in 2,
        # "every moment": the twentieth session's loaded repetition)
        if rep.until(lambda: bank.held is not None or stop.flag,
                     f"worker-1 inside its {'1st' if k == 1 else '3rd'} debit", held=True) \
                and bank.held is not None:
            # The others meet the held lock before the stop: each waits in an
            # operation (acquire, for a right answer), has transferred without
            # the lock, or has returned. A timed acquire times out at once
            # here (GLock.stalled): worker-1 may stay held longer than any timeout.
            _meet_the_hold(rep, bank, [f"worker-{i + 1}" for i in range(1, WORKERS)])
        elif not stop.flag:
            _not_by_the_workers(rep, bank)
        stop.set_now()
        with rep.arena.cond:
            bank.released = True
            lock.stall(False)
    elif mode == "between":
        names = [f"worker-{i + 1}" for i in range(WORKERS)]
        # (a stop your code set itself ends it too: that is a check's failure, not
        # a moment never reached)
        # (the grader's time, held: a worker that paces its transfers, a nap or a
        # timed stop.wait() between them, is not out of its budget for that)
        if rep.until(lambda: stop.flag or all(credits(w) >= QUOTA or rep.ended(w) for w in names),
                     f"every worker's {QUOTA}th transfer", held=True):
            stop.set_now()
        else:
            _not_by_the_workers(rep, bank)
    elif mode == "pause":
        a = rep.arena

        def held_or_stopped() -> bool:
            return stop.flag or rep.ended("worker-1") or any(
                r.who == "worker-1" and r.obj in (stop.id, lock.id) and r.parked is not None
                and credits("worker-1") >= PAUSE_TRANSFERS for r in a.current.values())
        if not rep.until(held_or_stopped, "worker-1 pausing after a look, or at its look "
                         f"after {PAUSE_TRANSFERS} transfers", held=True):
            _not_by_the_workers(rep, bank)
        watch.stop()
        stop.set_now()
    facts = rep.finish()
    facts.update(_lock_facts(rep, bank, lock))
    facts.update(_stop_facts(rep, bank, stop))
    # (only a stop the check set has a moment of its choosing: one a worker set
    # itself fails on its own, "only the check set the stop")
    facts["stale"] = (_stale_transfer(rep, bank, stop, "worker-1")
                      if mode == "pause" and not facts["set_by_learner"] else None)
    # (pause: a worker whose first call is a timed stop.wait() gets the stop there,
    # before any transfer: none is right then; a right-answer round, twenty-fourth
    # session: `while not stop.wait(0.01)` failed "no transfer was started")
    facts["stopped_first"] = mode == "pause" and stop.set_at is not None and not any(
        r.op == "debit" and r.seq < stop.set_at for r in _bank_ops(rep, bank))
    facts["off_script"] = next((f"{r.who}'s {r.op}({', '.join(map(repr, r.args))})"
                                for r in _bank_ops(rep, bank) if list(r.args[:2]) != (
                                    ["alice", AMOUNT] if r.op == "debit" else ["bob", AMOUNT])),
                               None)
    facts["credit_first"] = next((f"{who}'s credit came before its debit"
                                  for who in _credit_first(rep, bank)), None)
    return facts


def _busy_once(rep, stop, bank):
    """(``pause``) worker-1's first timed or non-blocking ``acquire`` made
    right after a look at ``stop`` that said no finds the lock busy: a worker
    that backs off then (a nap) and tries again without looking pauses between
    its look and the transfer, on every grading (hostile round, twenty-fourth
    session: it was caught only where another worker happened to hold the
    lock, 4 gradings in 6)."""
    tried = []

    def busy(rec) -> bool:
        if rec.who != "worker-1" or tried or stop.flag:
            return False
        last = next((r for r in reversed(rep.arena.ledger) if r.who == rec.who
                     and r.obj in (stop.id, bank.id)), None)
        if not said_no(last, stop):
            return False
        tried.append(rec.seq)
        return True
    return busy


def _stale_transfer(rep, bank, stop, who) -> str | None:
    """(``pause``) ``who``'s first debit after the stop was set, if it made
    no look at ``stop`` between the two: it looked, paused, and transferred
    on the look it had before the stop."""
    if stop.set_at is None:
        return None
    for r in rep.ledger():
        if r.who != who or r.seq <= stop.set_at:
            continue
        if r.obj == stop.id and r.op in ("is_set", "wait"):
            return None
        if r.obj == bank.id and r.op == "debit":
            return (f"{who} began a transfer after `stop` was set, with no look at it since: "
                    "it paused between its look and the transfer, and the stop came then")
    return None


def _credit_first(rep, bank) -> list[str]:
    """The threads whose first bank operation is a credit: a transfer begins
    with its debit (a debit with no credit after it is a cut transfer: stop-
    worker's ``halves`` says so)."""
    first: dict[str, str] = {}
    for r in _bank_ops(rep, bank):
        first.setdefault(r.who, r.op)
    return sorted(who for who, op in first.items() if op == "credit")


def _banking_helpers(rep, bank) -> str:
    """The threads the learner's code started that made bank operations
    (not a call of the check's own), named (the first three), or ""."""
    others = sorted({r.who for r in _bank_ops(rep, bank)} - set(rep.reports.calls))
    return ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")


def _not_by_the_workers(rep, bank) -> None:
    """The moment never came: if threads the learner's code started made the
    debits, its description says so (the check counts and holds a worker's own)."""
    others = _banking_helpers(rep, bank)
    if others and rep.not_reached:
        rep.not_reached[-1] += (f": debits came from {others} (threads your code "
                                f"started), and the check counts each worker's own")


POLL_LOOKS, POLL_S = 20, 2.0  # after the push, a poller meets the held lock this many
                              # more looks (at most this long, the grader's time)
MEET_S = 5.0  # at most, how long the others may take to meet a hold (a safety net: see below)


def _meet_the_hold(rep, bank, names) -> None:
    """Hold on until each of ``names`` waits in an operation it began or
    re-checked after the hold began, made a bank operation or a look at the
    lock that does not wait since, spent the
    stall in timed acquires (GLock.stall_over), has ended its calls, or is
    blocked in its own process without a timeout, outside any operation, while
    that process stands still (on a lock of the learner's own that worker-1
    holds, say: what the kernel shows, procfs.waits_on_its_own); for
    ``MEET_S`` at most; then until each timed wait of the learner's own has
    run out (``Rep.outwait``); then, where the exercise keeps the learner's
    clocks, a minute on (``STALL_S``), and the others meet the hold once more
    after that push. The time waited is the grader's (``held``), not the
    learner's budget."""
    pid = rep.session.pid
    tids = {c.name: c.tid for c in rep.arena.conns[rep.first_conn:]}

    def ended(name):
        return rep.reports.calls.get(name) and rep.ended(name)

    def met(name, seq, version):
        if ended(name):
            return True
        if any(r.who == name and r.parked is not None and r.parked >= version
               for r in rep.arena.current.values()):
            return True
        if bank.lock.stall_over(name):  # a minute of timed acquires that timed out
            return True
        # (one that ran: a record at the explorer's gate has not run yet)
        if any(r.who == name and r.seq > seq and r.end is not None
               for r in rep.arena.of(bank)):
            return True
        # a look at the lock that does not wait (``locked()``, a try) answered since:
        # it met the lock held. (Not a timed acquire: those spend the stall first.
        # Until the twenty-sixth session only a nap in the grader after such a look
        # counted: a poller that napped on an Event of its own was waited for MEET_S)
        if looks_since(name, seq):
            return True
        return own_wait(name)

    def own_wait(name):
        return (name in tids and pid is not None and procfs.waits_on_its_own(pid, tids[name])
                and not any(r.who == name for r in rep.arena.current.values()))

    def untimed_wait(name, version):
        # an acquire() with no timeout, waiting for the lock (a timed one returns at
        # once while the lock is stalled)
        return any(r.who == name and r.parked is not None and r.parked >= version
                   and r.obj == bank.lock.id and r.op == "acquire" for r in rep.arena.current.values())

    def looks_since(name, seq) -> int:
        """Looks at the lock that do not wait, answered since ``seq``."""
        return sum(1 for r in rep.arena.of(bank.lock) if r.who == name and r.seq > seq
                   and r.end is not None and (r.op == "locked" or r.note.get("wait") == 0.0))

    def look_at_the_gate(name) -> bool:
        """An operation of its on the lock has come and not yet run."""
        return any(r.who == name and r.end is None and r.result is None and r.parked is None
                   for r in rep.arena.of(bank.lock))

    def answered_since(name, seq):
        """An operation of ``name``'s (on the lock, the bank, a nap) begun after
        ``seq`` was answered: it has seen the lock as it is now."""
        return ended(name) or any(r.who == name and r.seq > seq and r.end is not None
                                  for r in rep.ledger())

    def meet(seq, version, met):
        until = time.monotonic() + MEET_S
        rep.wait(lambda: all(met(n, seq, version) for n in names) or time.monotonic() > until,
                 held=True)
    meet(bank.held.seq, bank.held_version, met)
    # ... and on, in real time, until the learner's own timed waits have run out:
    # a threading.Timer that makes a worker give up on the busy lock fires here
    rep.outwait(lambda: all(ended(n) for n in names))
    # ... and the learner's clocks a minute on, as the statement says (where it
    # keeps them: safe-transfer): a give-up on a clock of its own (a deadline on
    # time.monotonic(), a threading.Timer) of up to a minute comes now (a 30 s
    # Timer and a 30 s deadline of locked() looks passed every grading;
    # twenty-fifth session's hostile round). Then each meets the hold again:
    # an operation of its begun after the push is answered while the lock is
    # still held, or it waits in one that cannot time out, or in its own
    # process. A look or a timed acquire that waited at the explorer's gate
    # through the push was answered after the release before: a deadline of
    # locked() looks, and give-ups after 65 to 120 s of timed acquires, passed
    # in the runs whose schedule put the release first (twenty-sixth session)
    if not all(ended(n) for n in names):
        with rep.arena.cond:
            seq, version = rep.arena.seq, rep.arena.cond.version
        if rep.push_clock(STALL_S):
            meet(seq, version, lambda name, seq, version: (
                answered_since(name, seq) or untimed_wait(name, version)
                or own_wait(name)))
            # ... and a worker that polls the lock without waiting finds it held
            # for POLL_LOOKS more looks: one that gave up after 5 tries 10 ms apart
            # (a count, not a clock) met the hold 2 or 3 times and passed 40
            # gradings of 40 (twenty-seventh session's hostile round)
            # It is let go with its next look waiting at the explorer's gate (no
            # choice is made once the scenario's predicate holds), so that look
            # meets worker-1's next operation there: let go after a look, its nap
            # outlasted worker-1's last transfers, and the run had no choice of
            # order (twenty-seventh session)
            pollers = [n for n in names if looks_since(n, bank.held.seq)]
            if pollers:
                until = time.monotonic() + POLL_S

                def polled(n) -> bool:
                    k = looks_since(n, seq)
                    return k >= 2 * POLL_LOOKS or k >= POLL_LOOKS and look_at_the_gate(n)
                rep.wait(lambda: all(ended(n) or polled(n) or untimed_wait(n, version)
                                     or own_wait(n) for n in pollers)
                         or time.monotonic() > until, held=True)


STARTED_BY_YOU = " (a thread your code started)"  # names a helper thread in a message


def _stop_facts(rep, bank, stop) -> dict:
    """For each worker, in its own order: every debit follows a look at
    ``stop`` that said "not set", made between transfers (after its previous
    credit: a look between a debit and its credit is about that transfer, not
    the next), and is followed by its credit; nothing follows a look that
    said "set"."""
    reads = ("is_set", "wait")
    blind, after, halves, mid = {}, {}, {}, {}
    ledger = rep.ledger()
    for name in sorted(rep.reports.calls):
        looked, saw, inside = False, False, False
        mine = [r for r in ledger if r.who == name and r.obj in (bank.id, stop.id)
                and not r.note.get("refused")]  # (a refused call moved nothing: GBank._check)
        for i, r in enumerate(mine):
            if r.obj == stop.id and r.op in reads and r.ok:
                if inside:  # the statement: never between the debit and the credit
                    mid.setdefault(name, r)
                looked = looked if inside else not r.value
                saw = saw or bool(r.value)
            elif r.op == "credit":
                inside = False
            elif r.op == "debit":
                inside = True
                if saw:
                    after.setdefault(name, r)
                elif not looked:
                    blind.setdefault(name, r)
                looked = False
                nxt = next((x for x in mine[i + 1:] if x.op in ("debit", "credit")), None)
                if nxt is None or nxt.op != "credit":
                    halves.setdefault(name, r)
    # A thread the learner's code started (not a worker's own) may transfer for a
    # worker, which looked for it; but none may begin a transfer once any of the
    # learner's threads has seen `stop` set.
    saw_set = first_seen_set(ledger, [stop])
    for r in ledger:
        if (r.op == "debit" and r.obj == bank.id and r.who not in rep.reports.calls
                and saw_set is not None and r.seq > saw_set):
            after.setdefault(f"{r.who}{STARTED_BY_YOU}", r)
    transfers = sum(1 for r in rep.arena.of(bank, "debit") if not r.note.get("refused"))
    # a worker that returned while worker-1 was held, before the stop (a lock that
    # stayed busy, say), returned although nothing asked it to. Only then: the
    # others have met the hold, so what a worker does in it is the same in every
    # grading (one that returns after a fixed count may return before or after
    # the stop elsewhere, as the threads run)
    early = sorted(
        name for name, calls in rep.reports.calls.items()
        if calls and calls[-1]["end"] is not None
        and calls[-1]["outcome"] and calls[-1]["outcome"][0] == "returned"
        and (rep.mode == "between"  # the stop comes at QUOTA transfers
             or bank.held is not None and bank.held.seq < calls[-1]["end"])
        and (stop.set_at is None
                                                  or calls[-1]["end"] < stop.set_at))
    return {"set_by_learner": sorted({r.who for r in ledger if r.obj == stop.id and r.op == "set"}),
            "blind": sorted(blind), "after_stop": sorted(after), "halves": sorted(halves),
            "mid_looks": sorted(mid),
            "transfers": transfers, "stop_set": stop.flag, "early": early}


def _looked(f):
    if f["after_stop"]:
        who = f["after_stop"][0]
        return False, (f"{who} made a transfer after `stop` was seen set"
                       if who.endswith(STARTED_BY_YOU)
                       else f"{who} made a transfer after it saw `stop` set")
    if f["mid_looks"]:  # (first: such a look goes with a blind transfer, in any run)
        return False, (f"{f['mid_looks'][0]} looked at `stop` between a debit and its credit: "
                       "look only between transfers")
    if f["blind"]:
        return False, (f"{f['blind'][0]} made a transfer without looking at `stop` first "
                       "(a stop set then would be missed)")
    if f.get("stale"):
        return False, f["stale"]
    return True, "every transfer followed a look at stop"


def _stop_not_set_by_you(f):
    who = f["set_by_learner"]
    return not who, ("the check set it, or none did" if not who else
                     f"{who[0]} set `stop` itself: only the check sets it; a worker only looks")


def _until_stop(f):
    e = f["early"]
    return not e, ("every worker returned after the stop" if not e else
                   f"{e[0]} returned before `stop` was set: only the stop ends a worker")


def _whole(f):
    h = f["halves"]
    return not h, ("every debit followed by its credit" if not h else
                   f"{h[0]} debited and never credited: a transfer cut in half")


def _as_stated(f):
    if f["off_script"] or f["credit_first"]:
        what = f["off_script"] or f["credit_first"]
        return False, f"{what}: a transfer is debit(\"alice\", 10), then credit(\"bob\", 10)"
    return True, "10 from alice to bob, every time"


def _worked(f):
    if f["mode"] == "before-first":
        ok = f["transfers"] == 0
        return ok, "no transfer (stop was set before they started)" if ok else \
            "transfers although stop was set before they started"
    if f["transfers"] == 0 and f.get("stopped_first"):
        return True, "no transfer: the stop came at worker-1's first timed wait, before any"
    return f["transfers"] > 0, ("the workers transferred" if f["transfers"] else
                                "no transfer was started")


STOP_WORKER = Exercise(
    id="lock-leak/stop-worker",
    lab="lock-leak",
    title="A transfer worker that stops without cutting a transfer",
    statement=(
        "Write `worker(bank, lock, stop)`. It repeats transfers of 10 from alice to bob, "
        "itself (in the thread that called it): "
        "`bank.debit(\"alice\", 10)` then `bank.credit(\"bob\", 10)`, both under `lock` "
        "(the lock it was given), until `stop` (a `threading.Event`: `is_set()`, "
        "`wait(timeout)`; the check sets it, a worker only looks) is set; then it returns. "
        "Look at `stop` before every transfer, "
        "never between the debit and the credit. Useful imports: `threading`, `time`, "
        "`logging`, `collections`.\n\n"
        "The check runs three of your workers on the grader's bank, lock and Event, and "
        "sets the stop before they start, while worker-1 is midway through its 1st or 3rd "
        "transfer (the bank holds it inside `debit`), or once every worker has made a "
        "number of transfers, the check's choice (a worker that has waits at its next look at `stop`, or its next "
        "`acquire`, until then: a worker that stops transferring before the stop never "
        "lets it come), or as worker-1 pauses after a look at `stop` that said no, "
        "before its next debit, the lock taken or not (asleep outside any call on the "
        f"check's objects, or busy without a call for {PAUSE_CPU_S * 1000:.0f} ms of CPU: a "
        "pause between that look and the transfer misses the "
        "stop; its first timed or non-blocking `acquire` after such a look finds the lock "
        "busy), or as it begins a timed `stop.wait()`, else at its next look after a "
        "few transfers. Every "
        "debit and credit must run with `lock` held by the worker; no transfer may start "
        "after a worker saw the stop, or without a look at it, or on a look made before "
        "the stop (after such a pause); no transfer is cut; the "
        "lock is free and no money vanished when every worker has returned; no worker "
        "returns while the bank holds worker-1 and the stop is not set (meanwhile a "
        "timed `acquire` of the lock times out at once, for a minute of your clock, and "
        "the hold lasts until each wait with a timeout of at most 5 s that a thread of "
        "yours is in has run out: a `threading.Timer`); and nothing is left running. A "
        "timed `stop.wait()` that would wait returns at once, its timeout passed on your "
        "clock, for an hour of them per worker (a pace between transfers costs the check "
        "no time)."),
    functions=("worker",),
    signatures=(("bank", "lock", "stop"),),
    skeleton=(
        "def worker(bank, lock, stop):\n"
        "    while True:  # the worker people write: it never looks at stop\n"
        "        with lock:\n"
        "            bank.debit(\"alice\", 10)\n"
        "            bank.credit(\"bob\", 10)\n"),
    modes=("midway", "before-first", "midway-3rd", "between", "pause"),
    scenario=stop_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    pause_runs=True,  # the pause run: every timed wait of your own is told (wire.Clock)
    checks=(
        Check("only the check set the stop", "the check set it", _stop_not_set_by_you,
              ("A worker set `stop` itself: the stop is the caller's to give.",
               "Only look at `stop` (`is_set()`, `wait(timeout)`); never call `stop.set()`.",
               "Notebook 01, `fixed`: the main thread sets the stop; the worker only looks.")),
        Check("the workers transferred until the stop", "transfers, none if stopped first",
              _worked,
              ("Your workers made no transfer, or made some although the stop was set first.",
               "Loop `while not stop.is_set():` around one transfer.",
               "Notebook 01, the `fixed` variant: `while not stop.is_set(): transfer(...)`.")),
        Check("each transfer: 10 from alice to bob", "debit alice 10, credit bob 10",
              _as_stated,
              ("A transfer moved another amount, or between other accounts.",
               "Each transfer is `bank.debit(\"alice\", 10)` then `bank.credit(\"bob\", 10)`.",
               "The statement: transfers of 10 from alice to bob.")),
        Check("the lock held around every debit and credit", "held by the caller",
              _lock_used,
              ("A debit or a credit ran without the lock held: another worker could "
               "interleave with it.",
               "Take the `lock` you were given (not a new one) with `with lock:` around "
               "both the debit and the credit.",
               "Notebook 01, `transfer_with`."),
              causes=(("after its debit let it go", SPLIT_HINTS),)),
        Check("the lock is free", "free", _lock_free,
              ("A worker left the lock held: it returned between acquire() and release().",
               "Take the lock with `with lock:`, which releases it however the block ends.",
               "Notebook 01 shows the leaked lock (`bad`) and `with lock:` (`bad-with`).")),
        Check("no transfer cut in half", "every debit followed by its credit", _whole,
              ("A transfer was cut in half: a debit without its credit.",
               "Look at `stop` only between transfers, never between debit and credit.",
               "Notebook 01, `fixed`: the stop Event is checked at the top of the loop.")),
        Check("no money vanished", "alice + bob = 2000", _invariant,
              ("Money vanished: a transfer was cut in half.",
               "Look at `stop` only between transfers, never between debit and credit.",
               "Notebook 01, `fixed`: the stop Event is checked at the top of the loop.")),
        Check("no transfer after the stop", "every transfer followed a look at stop",
              _looked,
              ("A worker made a transfer the stop should have prevented.",
               "Look at `stop` right before each transfer: `while not stop.is_set():`, "
               "one transfer per turn of the loop.",
               "Notebook 01, `fixed`: `while not stop.is_set(): "
               "transfer_with(scene.bank, scene.lock, scene.midway)`."),
              causes=(("without looking at `stop` first", (
                  "A worker began a transfer without looking at `stop` just before it: a "
                  "stop set then would be missed.",
                  "Look at `stop` right before each transfer: `while not stop.is_set():`, "
                  "one transfer per turn of the loop.",
                  "Notebook 01, `fixed`: `while not stop.is_set(): "
                  "transfer_with(scene.bank, scene.lock, scene.midway)`.")),)),
        Check("returned only once stopped", "after the stop", _until_stop,
              ("A worker returned although `stop` was not set.",
               "Return only when `stop` is set: a busy lock is waited for (`with lock:`), "
               "not a reason to give up.",
               "Notebook 01, `fixed`: the worker's loop ends only on the stop.")),
    ),
    lab_cell="Notebook 01, the `fixed` variant",
    ended_hints=(
        "A worker never ended after the stop was requested: it never looks at `stop`, or "
        "waits for a lock nobody releases.",
        "Loop with `while not stop.is_set():` instead of `while True:`; take the lock "
        "with `with lock:`.",
        "Notebook 01, `fixed`: `while not stop.is_set(): "
        "transfer_with(scene.bank, scene.lock, scene.midway)`."),
    moment_hints=(
        "worker-1 never started the transfer the check waits for.",
        "Call `bank.debit(\"alice\", 10)` then `bank.credit(\"bob\", 10)` in a loop.",
        "Notebook 01, `transfer_with`."),
)


# ---------------------------------------------------------------- a transfer that fails midway

CALLS = 4
PAIRS = {"worker-1": ("alice", "bob", AMOUNT), "worker-2": ("bob", "alice", 7)}


def safe_scenario(rep):
    """Two workers make 4 transfers each (worker-1 alice -> bob 10,
    worker-2 bob -> alice 7); the grader's bank raises Frozen from one
    credit: worker-1's 1st (``fails-first``), worker-2's 2nd and 4th (``fails-later``),
    or none.
    Every operation notes whether its caller held the lock, so a missing
    or private lock fails whatever the interleaving."""
    n, mode = rep.n, rep.mode
    lock = rep.add(GLock(n))
    bank = rep.add(GBank(n, lock))
    # fails-later: two of worker-2's credits (bob to alice, 7: an undo written for
    # alice and 10 is caught), its 2nd and, after the 3rd (the undo of the 2nd, in a
    # right answer), its 4th: the credits of its 2nd and 3rd transfers. A second
    # failure is an error like the first (an answer that re-raises only the first one
    # it meets is caught); its last transfer does not fail
    # (its 4th an Offline, a kind of Frozen: an answer that re-raises an error only
    # when its type's name says Frozen was caught by nothing: a gap until the
    # twenty-seventh session)
    bank.fail_on = {"fails-first": {("worker-1", 1): "Frozen"},
                    "fails-later": {("worker-2", 2): "Frozen",
                                    ("worker-2", 4): "Offline"}}.get(mode, {})
    if mode == "fails-first":
        # A forced order: worker-2's first call starts once worker-1's credit
        # has failed (or worker-1's calls have ended). That credit is held
        # before it raises, until worker-2 has met the lock worker-1 holds
        # (a timed acquire times out at once meanwhile: GLock.stalled).
        # Whether a leaked lock then leaves worker-2 waiting too is the same
        # in every grading, and so is what the result says.
        bank.hold_failing = True

        def worker_1_failed():
            return bank.credits_by.get("worker-1", 0) >= 1 or rep.ended("worker-1")
        rep.hold_first_call("worker-2", worker_1_failed)
    held_at_end = {}  # a call's end (its seq): the lock held then by its own thread

    def note_lock(rec):  # as each call ends (under the monitor)
        held_at_end[rec.seq] = lock.owner_name == rec.who
    rep.on_end = note_lock
    for name, (src, dst, amount) in PAIRS.items():
        rep.spawn(name, "transfer", bank, lock, src, dst, amount, calls=CALLS)
    rep.go()
    if bank.hold_failing:
        rep.wait(worker_1_failed)  # not a moment of its own: the hold is inside it
        if bank.held is not None:
            _meet_the_hold(rep, bank, ["worker-2"])
        with rep.arena.cond:
            bank.released = True
            lock.stall(False)
    facts = rep.finish()
    facts.update(_lock_facts(rep, bank, lock))
    facts.update(_call_facts(rep, bank, held_at_end))
    return facts


def _call_facts(rep, bank, held_at_end) -> dict:
    """Per learner call (between its reports on its thread's channel): its
    bank operations, whether its credit raised Frozen, how it ended (the
    Frozen the bank raised, or another; the lock held then or not)."""
    swallowed, retried, not_undone, double, extra, invented = [], [], [], [], [], []
    other_error, off_script, locked_out, earlier = [], [], [], []
    ledger = rep.ledger()
    others = _banking_helpers(rep, bank)
    by = f" itself (the bank's operations came from {others}{STARTED_BY_YOU})"
    for name, calls in sorted(rep.reports.calls.items()):
        src, dst, amount = PAIRS[name]
        for c in calls:
            if c["end"] is None:
                continue
            ops = [r for r in ledger if r.who == name and r.obj == bank.id
                   and c["start"] < r.seq < c["end"]]
            # the error its credit raised (Frozen, or Offline, a kind of Frozen), if one did
            frozen = next((r.note["frozen"] for r in ops if r.note.get("frozen")), None)
            err = c["outcome"][1] if c["outcome"][0] == "raised" else None
            raised = err in rep.expected_raises
            net = {}
            for r in ops:
                if r.ok:
                    sign = -1 if r.op == "debit" else 1
                    net[r.args[0]] = net.get(r.args[0], 0) + sign * r.args[1]
            net = {k: v for k, v in net.items() if v}
            label = f"{name}'s transfer {c['k'] + 1}"
            if held_at_end.get(c["end"]):
                locked_out.append(f"{label} {c['outcome'][0]} with `lock` still held")
            theirs = c.get("theirs")
            if raised and theirs is False:
                other_error.append((label, err))
            elif raised and frozen and type(theirs) is int and not c["start"] < theirs < c["end"]:
                earlier.append((label, err))  # an error the bank raised, but not in this call
            shape = [(r.op, r.args[0], r.args[1]) for r in ops if len(r.args) >= 2]
            want = [("debit", src, amount), ("credit", dst, amount)]
            if shape != (want + [("credit", src, amount)] if frozen else want):
                off_script.append((frozen, f"{label} made " + (", ".join(
                    f"{op}({who!r}, {n!r})" for op, who, n in shape) if shape else
                    "no debit or credit" + (by if others else ""))))
            if frozen:
                after = ops[[bool(r.note.get("frozen")) for r in ops].index(True) + 1:]
                if not raised:
                    swallowed.append((label, frozen))
                    if any(r.op == "credit" and r.args[0] == dst for r in after):
                        retried.append(label)
                if net:
                    again = any(r.op == "credit" and r.args[0] == dst and r.ok for r in after)
                    not_undone.append(f"{label} failed and left {net}: " + (
                        f"the failed credit of {dst!r} was made again, and it went through "
                        "(a retry): a failed transfer is undone, and the error re-raised"
                        if again and not raised and net == {src: -amount, dst: amount}
                        else _why_left(net, src)))
            else:
                if raised:  # no credit of this call failed: the error came from elsewhere
                    invented.append((label, err))
                if net != {src: -amount, dst: amount}:
                    credits_back = [r for r in ops if r.op == "credit" and r.args[0] == src]
                    if credits_back:
                        double.append(f"{label} did not fail, yet credited {src} back: an "
                                      "undo that runs on success too (`finally:`?)")
                    else:
                        extra.append(f"{label} moved {net or 'nothing'}, not {amount} "
                                     f"from {src} to {dst}")
    return {"swallowed": swallowed, "retried": retried, "not_undone": not_undone,
            "other_error": other_error, "earlier_error": earlier,
            "off_script": off_script, "locked_out": locked_out,
            "by_others": others,
            "raised_without_failure": invented,
            "undo_on_success": double, "wrong_amounts": extra,
            "frozen_raised": sum(1 for r in rep.arena.of(bank, "credit") if r.note.get("frozen"))}


def _a(name: str) -> str:
    """``a Frozen``, ``an Offline``."""
    return ("an " if name[:1] in "AEIOU" else "a ") + name


def _error_reached(f):
    if f["swallowed"]:
        label, error = f["swallowed"][0]
        how = " (the failed credit was retried)" if f["retried"] else ""
        kind = "" if error == "Frozen" else " (a kind of Frozen: re-raise whatever the credit raised)"
        return False, f"the caller never saw {error} from {label}{how}{kind}"
    if f["other_error"]:
        label, error = f["other_error"][0]
        return False, (f"{label} raised {_a(error)} of its own, not the one the "
                       "bank raised: re-raise the error itself (a bare `raise`)")
    if f["earlier_error"]:
        label, error = f["earlier_error"][0]
        return False, (f"{label} raised {_a(error)} the bank raised in an earlier "
                       "call, not the one its own credit raised: re-raise the error itself "
                       "(a bare `raise`)")
    if f["raised_without_failure"]:
        label, error = f["raised_without_failure"][0]
        return False, (f"{label} raised {error}, yet none of its credits "
                       f"failed (an error kept from an earlier call?)")
    if f["mode"] != "no-failure" and not f["frozen_raised"]:
        if f["by_others"]:
            return False, (f"no credit of the workers' own: the bank's operations came from "
                           f"{f['by_others']}{STARTED_BY_YOU}; make them in the call")
        return False, "no credit was made, so none could fail"
    return True, "the caller saw Frozen" if f["frozen_raised"] else "no failure this run"


ONE_EACH = ": a transfer is one debit(src, amount), then one credit(dst, amount), and one "\
           "credit(src, amount) back when that credit fails"


def _why_left(net: dict, src: str) -> str:
    """What a failed transfer's net change says of its undo (tenth hostile
    reading: a double undo, and one credited to the wrong account, were both
    said to be "never undone")."""
    back = net.get(src, 0)
    elsewhere = sorted(k for k in net if k != src)
    if back > 0:
        return f"{src!r} was credited back more than its debit (undone twice?)"
    moved = ", ".join(f"{k!r} {net[k]:+}" for k in elsewhere)
    if back < 0 and elsewhere:
        return f"the debit of {src!r} was never undone ({moved} instead: the undo credits the source)"
    if back < 0:
        return "the debit was never undone"
    return f"the source {src!r} is even, yet {moved}: each transfer moves only its own amount"


def _undone(f):
    if f["not_undone"]:
        return False, f["not_undone"][0]
    failed = [text for frozen, text in f["off_script"] if frozen]
    if failed:
        return False, failed[0] + ONE_EACH
    return True, "the failed transfer was undone" if f["frozen_raised"] else "nothing to undo"


def _all_moved(f):
    if f["undo_on_success"]:
        return False, f["undo_on_success"][0]
    if f["wrong_amounts"]:
        return False, f["wrong_amounts"][0]
    went = [text for frozen, text in f["off_script"] if not frozen]
    if went:
        return False, went[0] + ONE_EACH
    return True, "each moved its amount once"


SAFE_TRANSFER = Exercise(
    id="lock-leak/safe-transfer",
    lab="lock-leak",
    title="A transfer that stays whole when it fails midway",
    statement=(
        "Write `transfer(bank, lock, src, dst, amount)`: under `lock` (the lock you are "
        "given), `bank.debit(src, amount)` then `bank.credit(dst, amount)`.\n\n"
        "The credit can fail: in most runs the bank raises `Frozen` from a `credit` "
        "call (in some, from two calls of the same worker, the second time an `Offline`, a "
        "kind of `Frozen`), midway through a transfer, as "
        "a forced stop would. Each time, the transfer must "
        "be undone (credit `src` back) while the lock is still held, the error must "
        "reach the caller (re-raise it), and the lock must be free for the other worker. "
        "A transfer that does not fail moves its amount once, and nothing else. The undo "
        "makes a transfer safe against one exception raised inside a step, not against "
        "`async_raise` in general: a second asynchronous exception can fire inside the "
        "undo itself (notebook 00, `lands-in-cleanup`). Useful imports: `threading`, "
        "`time`, `logging`.\n\n"
        "The check runs two workers (alice to bob, and bob to alice) making 4 transfers "
        "each with your function on the grader's bank and lock; every debit and credit "
        "must run with `lock` held by the caller. When a credit fails, the bank may hold "
        "the caller there first: meanwhile a timed `acquire` of the lock times out at "
        "once, for a minute of your clock, and the hold lasts until each wait with a "
        "timeout of at most 5 s that a thread of yours is in has run out; then the clocks "
        "of `time` move on by a minute at once (a `time.sleep`, a timed wait on an Event "
        "or Condition, as in `threading.Timer`, ends if that passed its deadline), and a "
        "worker that looks at the lock without waiting (`locked()`, "
        f"`acquire(blocking=False)`) finds it held for {POLL_LOOKS} more looks (at most "
        f"{POLL_S:g} s): keep time on a clock, not by counting tries."),
    functions=("transfer",),
    signatures=(("bank", "lock", "src", "dst", "amount"),),
    skeleton=(
        "def transfer(bank, lock, src, dst, amount):\n"
        "    lock.acquire()\n"
        "    bank.debit(src, amount)\n"
        "    bank.credit(dst, amount)\n"
        "    lock.release()\n"),
    modes=("fails-first", "fails-later", "no-failure"),
    scenario=safe_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    fast_clock=True,  # the hold's minute: a give-up on the learner's clock comes then
    explore_steps=24,
    checks=(
        Check("the lock held around every debit and credit", "held by the caller",
              _lock_used,
              ("A debit or a credit ran without the lock held: the other worker could "
               "interleave with it.",
               "Take the `lock` you were given with `with lock:` around the debit, the "
               "credit and the undo.",
               "Notebook 01, `transfer_with`."),
              causes=(("after its debit let it go", SPLIT_HINTS),)),
        Check("the lock is free", "free", _lock_free,
              ("The lock stayed held after `credit` raised: `release()` never ran.",
               "Use `with lock:`: it releases the lock however the block ends.",
               "Notebook 01, `bad` (the leaked lock) against `bad-with`.")),
        Check("the failed transfer was undone", "the failed transfer was undone", _undone,
              ("The failed transfer left its debit in place.",
               "Catch the error around `credit`, `bank.credit(src, amount)` to undo the "
               "debit, then `raise` to pass the error on.",
               "Notebook 01, `bad-with`: `with` frees the lock, not the data.")),
        Check("no money vanished", "alice + bob = 2000", _invariant,
              ("Money vanished: a transfer was left half done (debited, never credited "
               "nor undone).",
               "Undo the debit only when the credit failed, inside the `with lock:`.",
               "Notebook 01, `bad-with`: `with` frees the lock, not the data."),
              causes=(("appeared", (
                  "Money appeared: more was credited than debited (an undo that ran "
                  "although the credit went through, or a credit made twice).",
                  "Undo the debit only when the credit failed: in `except`, not in "
                  "`finally:` (which runs on success too); never retry the credit.",
                  "Notebook 01, `transfer_with`.")),)),
        Check("the error reached the caller", "the caller saw Frozen", _error_reached,
              ("The error was swallowed: the caller believes the transfer happened.",
               "After undoing the debit, re-raise with a bare `raise`; never retry the credit.",
               "Notebook 01's takeaways: a half-done update must be undone or finished."),
              causes=(
                  ("yet none of its credits", (
                      "A transfer whose credit did not fail raised Frozen: an error kept "
                      "from an earlier call.",
                      "Raise only this call's own error: a bare `raise` inside the `except` "
                      "around its `credit`; keep nothing between calls (no global).",
                      "Notebook 01's takeaways: a half-done update must be undone or "
                      "finished.")),
                  ("no credit was made", (
                      "No credit was made: the transfer never reached the step that can fail.",
                      "`bank.debit(src, amount)` then `bank.credit(dst, amount)`, under "
                      "`with lock:`.",
                      "Notebook 01, `transfer_with`.")))),
        Check("every other transfer went through", "each moved its amount once", _all_moved,
              ("A transfer that did not fail did not move exactly its amount.",
               "Undo in `except`, not in `finally:` (which runs on success too); debit then "
               "credit, once each.",
               "Notebook 01, `transfer_with`.")),
    ),
    lab_cell="Notebook 01, `bad-with`",
    ended_hints=(
        "A worker never finished its transfers: it waits for a lock nobody releases.",
        "Use `with lock:` so the lock is released when `credit` raises.",
        "Notebook 01, `bad`: the stack dump shows everyone waiting in `acquire()`."),
    passes_on=("Frozen", "Offline"),
)

EXERCISES = [STOP_WORKER, SAFE_TRANSFER]
