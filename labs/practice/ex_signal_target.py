"""Exercises for lab 3, signal-target: a SIGTERM handler and main function
that stop every worker cleanly; stopping one named worker without signals.

Graded by the trusted engine (labs.practice.engine). The workers are the
GRADER's: each does items until it sees the stop, finishing the item in hand
first; the learner's code holds their threads as proxies. For sigterm,
``start_workers(stop)`` runs in the learner's process: it starts a thread
there that waits on the learner's real ``threading.Event`` and tells the
grader when it is set (the workers' view of the stop, and one of the
process's threads, as a worker is). The grader sends SIGTERM itself, at
moments it observes (the arena's ledger, and the kernel: where the child's
main thread is blocked), to the process or aimed at that other thread, and
every verdict is read from the ledger and the kernel. For stop-one, the
commands queue and the workers' Events are the grader's; ``stops`` is a
read-only mapping of Event proxies."""
from __future__ import annotations

import os
import signal
import socket
import threading
import time

from labs.child import procfs, wait
from labs.practice.arena import (
    SLOW_ALIVE,
    AliveCredit,
    AliveNap,
    FastClock,
    GClockNap,
    GEvent,
    GObject,
    GWaits,
    OnFastClock,
    Raise,
    SlowEnd,
    too_large,
    wait_timeout,
)
from labs.practice.exercises import Check, Exercise, ended_before_return, names, secs
from labs.practice.policy import COMMON_MODULES

# ---------------------------------------------------------------- the kernel's view


def _blocked(pid: int, tid: int) -> str | None:
    """What the kernel says thread ``tid`` is blocked in, or None (running)."""
    if procfs.thread_state(pid, tid) not in ("S", "D"):
        return None
    return procfs.syscall(pid, tid) or "S"


def _in_recv(pid: int, tid: int) -> bool:
    """Is thread ``tid`` blocked in a receive (a proxy waiting for its reply)?
    Where the kernel does not say which call, blocked is the best it says."""
    line = procfs.syscall(pid, tid)
    if line is None:
        return False
    if line == "?" or procfs.RECV is None:
        return procfs.thread_state(pid, tid) == "S"
    return line.split()[0] in procfs.RECV


def _status(pid: int, tid: int | None = None) -> dict:
    """Fields of /proc/PID/status (``tid``: the thread's own); {} when gone."""
    path = f"/proc/{pid}/status" if tid is None else f"/proc/{pid}/task/{tid}/status"
    out = {}
    try:
        with open(path) as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
    except OSError:
        return {}
    return out


def _has_sigterm(fields: dict, mask: str) -> bool | None:
    """Whether SIGTERM's bit is set in signal mask ``mask`` of a status
    (SigBlk, SigPnd, ShdPnd, SigIgn, SigCgt); None when the kernel did not say."""
    try:
        return bool(int(fields[mask].split()[0], 16) & (1 << (signal.SIGTERM - 1)))
    except (KeyError, ValueError, IndexError):
        return None


def _disposition(pid: int) -> str:
    """What the process does with SIGTERM, as the kernel says: "ignored"
    (SIG_IGN), "caught" (a handler: Python's, which calls the learner's),
    "default" (it ends the process)."""
    fields = _status(pid)
    ignored, caught = _has_sigterm(fields, "SigIgn"), _has_sigterm(fields, "SigCgt")
    if ignored is None or caught is None:
        return "unknown"
    if ignored:
        return "ignored"
    return "caught" if caught else "default"


def _blocks_sigterm(pid: int, tid: int) -> bool:
    """Thread ``tid`` blocks SIGTERM (True too when the kernel does not say)."""
    return _has_sigterm(_status(pid, tid), "SigBlk") is not False


def _all_asleep(pid: int) -> bool:
    """Every thread of ``pid`` sleeps (S or D), or is gone."""
    return all(procfs.thread_state(pid, t) in ("S", "D", None) for t in procfs.tids(pid))


def _handled(pid: int, asleep_before: set) -> bool:
    """SIGTERM has been taken and its C-level handler has run: pending
    nowhere (the process's ShdPnd, each thread's SigPnd), and every thread
    that slept when it was sent sleeps again (the thread that took it ran
    the handler, and one woken by it, the stop's watcher, has reported)."""
    if _has_sigterm(_status(pid), "ShdPnd"):
        return False
    for t in procfs.tids(pid):
        if _has_sigterm(_status(pid, t), "SigPnd"):
            return False
        if t in asleep_before and procfs.thread_state(pid, t) not in ("S", "D", None):
            return False
    return True


def _conn_open(arena, conn_id: int) -> bool:
    """The learner's end of the grader's connection ``conn_id`` is still
    open: the kernel says so (no end of file on the grader's end), whatever
    the grader's serving thread has read yet."""
    conn = next((c for c in arena.conns if c.id == conn_id), None)
    if conn is None or not conn.open:
        return False
    try:
        return conn.sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True  # open, nothing to read
    except OSError:
        return False


def _tgkill(pid: int, tid: int, sig: int) -> None:
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if procfs.TGKILL is None or libc.syscall(procfs.TGKILL, pid, tid, sig) != 0:
        os.kill(tid, sig)  # Linux tries the named thread first (FACTS: kill(2))


# ---------------------------------------------------------------- SIGTERM

SIGTERM_MODES = {"midway": (3, "thread"), "before-first": (2, "process"),
                 "late": (4, "process"), "midway-5": (5, "thread")}
OTHER_NAMES = ("worker-1", "mailer", "worker-3", "indexer", "uploader")  # midway-5's
QUIET_S = 1.0    # late: how long the grader holds SIGTERM back while run() waits: the
                 # same every time (a random length made a 6 s Timer pass some gradings:
                 # how much of it was left when Rep.outwait looked was luck)
SLOW_S = 3600.0  # late: how long worker-1 runs after the stop, on the learner's fast clock
FINE = 100       # ... and the quiet period: the main thread's first 100 timed looks and naps
                 # pass their own timeout, then each as much as all before it (FastClock
                 # fine: an hour of join(0.1) in 109 looks; a minute took 600, until the
                 # twenty-first session, and a 5-minute deadline outlasted it)
WATCH_S = 0.5      # late: the quiet period lasts this long after its hour, at least,
SAMPLE_S = 0.001   # ... the kernel's view of the main thread sampled this often (MainWatch)
NAP_S = 0.009      # ... a wait between looks counts when it lasts this long (the statement's
                   # 10 ms, less the precision of the samples)
LOOKS_FREE = 2     # ... and a round of looks, one per worker and these, is not counted
LOOPED = 4         # ... and looks at one object this many times with no wait between fail
                   # (a right answer that logs what it saw looks again: three is right)
WAITING_SHARE = 0.9  # ... in which it must be seen waiting this share of the time told
                     # (measured, idle and loaded: right answers 99 to 100%; spinning 5 ms
                     # between 10 ms naps 59 to 80%, 25 ms of 35, 19 to 32%)
TOLD_S = 0.1       # ... once this much time was told waiting or running
WATCH_MAX_S = 1.5  # ... or at most this long
AFTER_S = 0.2        # ... and after the stop too, if this much was told (40 ms judged a
                     # right answer on one round of its looks, under load: 85%)
QUIET_FAST_S = 3600.0  # late: the quiet period's time on the learner's clock (its timed looks)
STEP_S = 1.0       # the longest timed step of the main thread (a look's timeout, a nap): a
                   # SIGTERM the kernel gives another thread is handled when it ends
KEEP_S = 2.0     # late: the most the grader waits for the slow worker's fast hour to end
HANDLED_S = 2.0  # how long the kernel gets to show SIGTERM taken and handled (0.5 s until
                 # the twenty-second session: in one full make test, a right answer's
                 # handler ran once its held call had returned), and, before it is
                 # sent, for every thread of the process to be asleep
TAIL_S = 2.0      # how long the grader waits for the handler's set, then for the handler
                  # to return (held): _handler_tail
TAIL_CPU_S = 0.02  # the most CPU a handler may use after its set (its return, the
                   # retried receive: well under a millisecond)


class GWorker(GObject):
    """A worker of the grader, seen by the learner as a thread: ``join``,
    ``is_alive``, ``name``. It holds an item from the moment it starts
    (``begin``) until the stop reaches it, finishes that item, then ends.
    It is slow to end: a timed join never sees it end (it waits its full
    timeout); the first ``is_alive()`` after the stop says True, and the
    next look (``is_alive()`` or ``join``) lets it end. ``seen_at``: when
    the learner's code saw it ended (``join()`` returned, or ``is_alive()``
    was False). Once the stop reached the workers, ``start.slow`` (SlowEnd)
    may make one of them run a while on the learner's fast clock first."""
    kind = "Thread"

    def __init__(self, rep, name, start):
        super().__init__(rep, name)
        self.start = start
        self.in_hand = None     # the item it holds
        self.done = 0
        self.at_exit = False    # it saw the stop: ends at the next look
        self.armed = False
        self.ended_at = None
        self.seen_at = None

    def ref(self):
        return {"$": self.id, "kind": "Thread", "name": self.name}

    def begin(self) -> None:
        if self.in_hand is None and not self.at_exit:
            self.in_hand = self.done + 1

    def on_stop(self) -> None:
        if self.in_hand is not None:  # the item in hand is finished first
            self.done += 1
            self.in_hand = None
        self.at_exit = True

    def _end(self) -> None:
        if self.ended_at is None:
            self.ended_at = self.arena.seq
            self.changed()

    def op_join(self, rec, timeout=None):
        self.start.waited(rec)
        slow = self.start.slow
        if timeout is None:
            slow.untimed(self)  # waited for without a timeout: no clock to pass
            # the slow worker runs on in real time until let go (_keep_slow),
            # joined untimed or not: a main thread that spins while a thread of
            # its own joins the workers untimed spun a moment only, unseen
            # (right-answer round, seventeenth session)
            self.block(lambda: self.at_exit and (self is not slow.slow or slow.let_go))
            self.start.hold_look(rec)
            self._end()
            self.seen_at = rec.seq
            return None
        t = wait_timeout(timeout)
        if self.ended_at is None:
            too_large(t)  # as a real thread's join does while it runs (all of 3.10 to 3.15)
        if self.at_exit and self is slow.slow and self.ended_at is None and slow.on():
            return slow.join(self, t)
        if self.at_exit and self is slow.slow and self.ended_at is None and slow.keep:
            self.start.hold(t)  # kept running: the whole timeout, unless let go meanwhile
            if not self.block(lambda: not slow.keep, t):
                self.start.hold_look(rec)
                return None
        if self.ended_at is not None:
            return None
        if self.at_exit and self.armed:
            self._end()
            return None
        fast = slow.join(self, t) if self.at_exit else self.start.quiet_wait(t)
        if fast is not None:  # its whole timeout passes at once, on the fast clock
            return fast
        if (self.at_exit and (self is not slow.slow or slow.let_go)) or self.start.trigger is rec \
                or rec in self.start.helds or self.start.passes_whole(rec, t):
            # a timed join never sees a worker end: after the stop (the slow
            # one's once the grader let it go), in the look SIGTERM came in and
            # in midway-5's look before it, its whole timeout passes at once, on
            # the learner's clocks (SlowEnd.passing)
            fast = slow.passing(t)
            if fast is not None:
                self.start.hold_look(rec)
                return fast
        self.start.hold(t)  # slow: it stays alive for the whole timeout
        self.block(lambda: False, t)
        self.start.hold_look(rec)
        return None

    def op_is_alive(self, rec):
        self.start.waited(rec)
        slow = self.start.slow.alive(self) if self.at_exit and self.ended_at is None else None
        if slow is not None:
            return slow
        if self.at_exit and self.ended_at is None and self is self.start.slow.slow \
                and self.start.slow.keep:
            return True  # kept running, in real time
        if self.ended_at is None and self.at_exit and self.armed:
            self._end()
        if self.ended_at is not None:
            if self.seen_at is None:
                self.seen_at = rec.seq
            return self.start.slow.reply(False)
        if self.at_exit:
            self.armed = True
            self.start.alive_credit.said_alive(rec)
            return self.start.slow.reply(True)
        if rec.tid == self.start.main_tid:
            self.start.told_alive = rec
        return self.start.quiet_look(True)


class GStart(GObject):
    """``start_workers``: the learner's process reports here the thread that
    watches its stop Event (``watching``), the call (``start``), every
    ``stop.set()`` from the thread that calls it, on that thread's own
    connection (``set``: wire._Watch.report_sets), and the moment the watcher
    saw the Event set (``stop``). The grader's scenario reads ``starting``,
    ``main_ops`` and ``trigger`` to time its SIGTERM, and ``held``: the main
    thread's call in progress when SIGTERM was sent."""
    kind = "StartWorkers"

    def __init__(self, rep, k, mode, main_tid, hold):
        super().__init__(rep, "start_workers")
        self.mode, self.main_tid, self.hold = mode, main_tid, hold
        # midway-5: not every worker is called worker-N (a thread's name says nothing
        # of whether it is a worker: "skip the threads not called worker-*" skips some)
        names = OTHER_NAMES if mode == "midway-5" else [f"worker-{i + 1}" for i in range(k)]
        self.workers = [GWorker(rep, name, self) for name in names[:k]]
        # late: after the stop, worker-1 takes an hour to end, on the learner's clock
        self.slow = SlowEnd(SLOW_S, self.workers[0], fine=FINE) if mode == "late" else SlowEnd()
        # the nap after a worker's first is_alive() said True is the check's time
        self.alive_credit = AliveCredit(hold, STEP_S)
        # ... and so is one after an is_alive() that said True before the stop, when
        # the stop came next (the look SIGTERM came in, say): told_alive, op_stop
        self.told_alive = None
        # late: the quiet period before SIGTERM runs on the learner's fast clock
        self.quiet = FastClock(looks=SLOW_ALIVE, fine=FINE)
        self.watch = None        # the watcher's hello (its kernel thread id)
        self.starting = None     # the start call, as it began
        self.started = None      # ... as it returned
        self.stop_at = None      # ledger seq: the learner's Event was set
        self.set_rec = None      # the first stop.set(): its thread, its connection
        self.sets = []           # every stop.set(), the first included
        self.held = None         # the main thread's call in progress as SIGTERM was sent
        self.helds = []          # ... each time (midway sends a second: _sigterm_again)
        self.again_after = None  # ... the first's: only a later call on its connection waits
        self.signal_at = None    # ledger seq: the grader sent SIGTERM
        self.released_at = None  # ledger seq: ... and the kernel showed it handled
        self.released_t = None
        self.stop_t = None       # the grader's clock: the stop was reported
        self.queued = {}         # "released", "stop": the main thread's CPU wait so far (s)
        self.signal_to = None
        self.disposition = None  # the kernel's word on SIGTERM as it was sent
        self.written_at_signal = None  # the main thread's bytes written then (procfs.written)
        self.held_fd = None      # ... the descriptor its held call was receiving on then
        self.tail_wanted = False  # the main thread takes the first SIGTERM: watch its handler
        self.tail_from = None    # ... from this moment, as the set's reply goes out
        self.tail = None         # what the handler did after its set (_handler_tail)
        self.blocked_after = None  # ... and whether the main thread blocks it then
        self.blocked_at_signal = None  # ... and as the first SIGTERM was sent
        self.disposition_after = None  # ... at the main thread's first look after the handler's
        self.after_again = None  # ... and after the second SIGTERM's: (disposition, blocked)
        self.signalled = False
        self.hold_start = False  # before-first: start waits until SIGTERM is sent
        self.arm = False         # the main thread's next look at a worker waits for SIGTERM
        self.trigger = None
        # midway-5: the main thread's first look once armed goes on, and its next call,
        # a nap if it naps between looks, waits for SIGTERM (hold_nap)
        self.nap_first = mode == "midway-5"
        self.let_pass = None     # ... that look
        self.main_ops = 0
        self.between_looks = None  # late: (waiting, running) seconds of the main thread
        self.watch_cut = None  # late: what ended the quiet period before its watch did
        self.longest_nap = 0.0  # late: the longest nap of the main thread the kernel showed
        self.after_stop_looks = None  # ... and while the slow worker runs in real time
        self.after_restless = False  # ... its main thread never at rest meanwhile
        self.looped = self.looped_after = None  # late: a loop of looks (MainWatch), before
        # the stop and after it

    def op_watching(self, rec):
        if self.watch is None:
            self.watch = rec
        self.changed()

    def op_start(self, rec):
        if self.starting is not None:
            raise Raise("RuntimeError", "start_workers() may be called once")
        if rec.tid != self.main_tid:
            raise Raise("RuntimeError", "start_workers() must be called by run() itself, in "
                        "the main thread (only there does a SIGTERM handler run)")
        self.starting = rec
        self.changed()
        if self.mode != "before-first":
            for w in self.workers:
                w.begin()
        if self.hold_start:
            self.block(lambda: self.signalled)
        self.started = rec
        return [w.ref() for w in self.workers]

    def quiet_wait(self, seconds) -> OnFastClock | None:
        """A timed look of the main thread's that would wait, in the late
        run's quiet period: its reply on the fast clock (its timeout passes at
        once, the learner's clocks move on), None outside the period."""
        news = self.quiet.timed(SlowEnd.PROCESS, seconds) if self.stop_at is None else None
        return OnFastClock(None, **news) if news else None

    def quiet_look(self, value):
        """A look that does not wait, in the quiet period: ``value``, saying
        the period goes on (the learner's naps between looks pass at once)."""
        news = self.quiet.look(SlowEnd.PROCESS) if self.stop_at is None else None
        return OnFastClock(value, fast=True) if news and news["fast"] else value

    def op_is_set(self, rec):
        """The main thread's ``stop.is_set()``: a look, as at a worker.
        Another thread's is only seen (the ledger's: a loop of looks)."""
        if rec.tid != self.main_tid:
            return self.stop_at is not None
        self.waited(rec)
        return self.quiet_look(self.stop_at is not None)

    def op_wait(self, rec, timeout=None):
        """The main thread's ``stop.wait(timeout)``: a look, as at a worker;
        it ends when the stop is set (the learner's Event answers then).
        Another thread's is only seen: it waits on the Event itself."""
        t = wait_timeout(timeout)
        if rec.tid != self.main_tid:
            return None
        self.waited(rec)
        fast = self.quiet_wait(t)
        if fast is not None:
            fast.value = False
            return fast
        if self.stop_at is None and self.passes_whole(rec, t):
            # nothing sets the stop meanwhile: its whole timeout passes at once, on
            # the learner's clocks, as a timed join's does there
            fast = self.slow.passing(t)
            if fast is not None:
                fast.value = False
                self.hold_look(rec)
                return fast
        value = self.block(lambda: self.stop_at is not None, t)
        self.hold_look(rec)
        return value

    def op_set(self, rec):
        """``stop.set()``, reported by the calling thread before it notifies
        (so before the watcher's ``stop``). Whether the call the main thread
        was in when SIGTERM came is still open (its connection not retired by
        an exception) is the kernel's word, read now: a handler's set comes
        on a fresh connection of the main thread while that one is open."""
        held = self.held
        self.nested(rec)
        if held is not None and self.written_at_signal is not None and rec.tid == self.main_tid:
            # what the main thread wrote since SIGTERM: the handler's, before this set
            # (a print, a log line; read now: it has sent the set, and writes no more).
            # One byte is C's own: the signal's number, to a signal.set_wakeup_fd() pipe.
            # (None where the kernel keeps no task I/O accounting: not judged there)
            now = procfs.written(self.main_tid, rec.tid)
            rec.note["written"] = None if now is None else now - self.written_at_signal
            rec.note["wchar"] = now  # where _handler_tail counts from
        self.sets.append(rec)
        if self.set_rec is None:
            self.set_rec = rec
            if self.tail_wanted and rec.tid == self.main_tid and rec.note.get("held_open"):
                # the handler's set: its reply waits until the grader watches what
                # the handler does next (_handler_tail, which holds the time; at most
                # TAIL_S, held here if it never came)
                t0 = time.monotonic()
                if not self.block(lambda: self.tail_from is not None, TAIL_S):
                    self.hold(time.monotonic() - t0)
        self.op_stop(rec)

    def op_stop(self, rec):
        if self.stop_at is None:
            self.stop_at, self.stop_t = rec.seq, rec.t
            self.queued["stop"] = procfs.cpu_wait_s(self.main_tid, self.main_tid)
            for w in self.workers:
                w.on_stop()
            if self.told_alive is not None:
                # the main thread's last look said True of a worker, and the stop came
                # after it: its nap now waits for a worker that ends at its next look,
                # the check's time (AliveCredit). Until the twenty-sixth session that
                # nap was real: a right answer that naps 1 s between looks spent 1 s of
                # every midway run after the look SIGTERM came in (10 s a check)
                self.alive_credit.said_alive(self.told_alive)
        self.changed()

    def waited(self, rec) -> None:
        """A look at a worker (or at the stop: ``is_set``, ``wait``): the first
        one of the main thread lets the workers begin (before-first); when
        armed, it waits for SIGTERM."""
        if rec.tid != self.main_tid or self.started is None:
            return
        self.alive_credit.looks(rec)
        self.told_alive = None
        if self.held is not None:  # a call made inside the held one is the handler's (op_set)
            self.nested(rec)
            if self.set_rec is not None and self.disposition_after is None \
                    and not rec.note.get("held_open"):
                self.disposition_after = _disposition(self.main_tid)  # the handler has run
                self.blocked_after = _has_sigterm(_status(self.main_tid, self.main_tid),
                                                  "SigBlk")
            elif len(self.helds) > 1 and self.after_again is None \
                    and not rec.note.get("held_open"):
                # ... and again after the second (a handler that gives up its SIGTERM,
                # or blocks it, on its second run: hostile round, twenty-first session)
                self.after_again = (_disposition(self.main_tid), _has_sigterm(
                    _status(self.main_tid, self.main_tid), "SigBlk"))
        self.main_ops += 1
        if self.stop_at is None:
            for w in self.workers:
                w.begin()
        self.hold_look(rec)

    def nested(self, rec) -> None:
        """A call of the main thread's once SIGTERM's held call began: notes
        whether it is made inside that call (``held_open``: on a fresh
        connection of the main thread, wire.Wire.call, while the held call's
        is open, the kernel's word read now; ``in_held``: which). Inside it,
        it is the handler's."""
        if self.held is not None and rec.tid == self.main_tid:
            rec.note["held_open"] = rec.conn != self.held.conn and _conn_open(
                self.arena, self.held.conn)
            rec.note["in_held"] = self.held.seq if rec.note["held_open"] else None

    def hold_look(self, rec) -> None:
        """Armed, a look of the main thread's (as it begins, or as a timed one
        ends) waits for SIGTERM: no reply of the main thread's goes out between
        the grader's choice of the moment and SIGTERM handled at C level."""
        if rec.tid != self.main_tid or self.started is None:
            return
        if self.arm and not self.signalled:
            if not self.may_hold(rec):
                return
            if self.trigger is None:
                self.trigger = rec
                self.changed()
            # (a second SIGTERM armed as the first went out lets the first's call go)
            self.block(lambda: self.signalled or not self.may_hold(rec))

    def may_hold(self, rec) -> bool:
        """Whether a look of the main thread's may wait for SIGTERM, armed:
        not midway-5's first (``passes``), and, for a second SIGTERM, only a
        call after the first's held one on its connection (the main loop's
        next look, not the held call as it ends, nor a call of the handler)."""
        if self.passes(rec):
            return False
        again = self.again_after
        return again is None or (rec.conn == again.conn and rec.seq > again.seq)

    def passes(self, rec) -> bool:
        """midway-5: the first look once armed goes on (as it begins and as it
        ends), unless it waits with no timeout (it would never end): SIGTERM
        comes in the main thread's next call, a nap between its looks if it
        naps (the handler must work there too: a real SIGTERM comes at any
        moment; tenth hostile reading, a handler that drops a SIGTERM it gets
        during a nap of its own)."""
        if not self.nap_first or self.trigger is not None:
            return False
        if self.let_pass is None and rec.op in LOOKS and not _untimed(rec):
            self.let_pass = rec
        return rec is self.let_pass

    def passes_whole(self, rec, seconds) -> bool:
        """Whether a timed look of the main thread's (``join(timeout)``,
        ``stop.wait(timeout)``) of at most a step (STEP_S) passes its whole
        timeout at once: the look SIGTERM came in, aimed at another thread
        (nothing wakes the wait: the handler runs as it ends), and midway-5's
        look that goes on before it (the workers hold their items until the
        stop: nothing happens meanwhile). Until the twenty-sixth session those
        took their timeout in real time: a right answer that waits on
        ``stop.wait(1.0)`` spent 1 s of every midway run and 2 s of every
        midway-5 run there."""
        held = bool(self.helds) and rec is self.helds[0] and self.signal_to != "the process"
        return seconds is not None and 0 < seconds <= STEP_S and (held or rec is self.let_pass)

    def hold_nap(self, rec) -> None:
        """midway-5: a nap of the main thread's after the look that went on
        waits for SIGTERM as it begins (the grader's clock has it: arena.GNap)."""
        if (self.nap_first and self.arm and not self.signalled and rec.tid == self.main_tid
                and self.let_pass is not None):
            if self.trigger is None:
                self.trigger = rec
                self.changed()
            self.block(lambda: self.signalled)

    def held_nap_passes(self, rec, seconds) -> OnFastClock | None:
        """midway-5: the nap SIGTERM came in, once the kernel showed it handled at
        C level, passes at once (its reply; the learner's clocks move on by its
        length), if it is no longer than a step (STEP_S): the handler runs as it
        returns, as it would after a real nap of that length, since SIGTERM went
        to another thread. Until the twenty-sixth session it took its length in
        real time: a right answer that naps 1 s between looks spent 1 s of every
        midway-5 run there."""
        if (self.nap_first and rec is self.trigger and self.signalled
                and type(seconds) in (int, float) and 0 < seconds <= STEP_S):
            return OnFastClock(None, skew=seconds)
        return None

    def release(self) -> None:
        """The scenario is over: nothing waits for SIGTERM, nor for the slow
        worker to be let go, any more."""
        with self.arena.cond:
            self.signalled = True
            self.slow.let_go = True
            self.changed()


class _HandlerNaps:
    """A nap of the main thread's (``time.sleep``, or a timed wait of its own
    that the grader's clock passes) made inside SIGTERM's held call is its
    handler's (GStart.nested): a handler that sleeps after its set holds the
    main thread there (thirteenth hostile reading: 0.3 s "to give the
    workers a head start"; a gap until the twenty-first session)."""
    start: "GStart"

    def op_sleep(self, rec, seconds):
        self.start.nested(rec)
        self.start.hold_nap(rec)
        return self.start.held_nap_passes(rec, seconds) or super().op_sleep(rec, seconds)

    def op_passed(self, rec, seconds):
        self.start.nested(rec)
        return super().op_passed(rec, seconds)


class SigtermNap(_HandlerNaps, AliveNap):
    """AliveNap, the naps of the runs other than the late one."""

    def __init__(self, start: "GStart"):
        super().__init__(start.slow, start.alive_credit)
        self.start = start


class LateNap(_HandlerNaps, GClockNap):
    """``time.sleep`` of the learner's threads in the late run, and their
    timed waits on objects of their own that a fast period would pass at
    once (wire.Clock, ``nap_first``): before the stop, in the quiet period,
    a nap passes at once on its clock (``GStart.quiet``, which counts it);
    after the stop, in the slow worker's hour (``SlowEnd``); otherwise
    it waits in the grader, as a nap waits. Until the seventeenth session
    they passed in the learner's process, unseen: each period ended after
    SLOW_ALIVE looks whatever time they covered, and code that gave up on
    the workers after 5 s of 10 ms naps between ``is_alive()`` looks passed
    (a minute of them was 6,000 naps; FAST_GETS ended a period sooner;
    an hour of them is 112 now, in FINE strides).

    A nap after a loop of looks (more than a round since the last timed
    wait: one look per worker and LOOKS_FREE more, as MainWatch counts them)
    waits in real time, and the looks in a row go on counting: a main
    thread that spins 5 ms on ``is_alive()`` between 10 ms naps ends its
    hour after SLOW_ALIVE looks, and the kernel then watches it spin, as
    before. (Passed at once, each nap began the looks in a row again, and
    the minute lasted FAST_GETS spins, 5 s: out of its budget first.)"""

    def __init__(self, start: "GStart"):
        super().__init__(start.slow)
        self.start = start

    def op_sleep(self, rec, seconds):
        """Once the slow worker is let go (the kernel no longer watches the
        main thread: _keep_slow), a nap after a worker's True that the main
        thread has not looked at since passes at once, as AliveNap's do in
        the other runs: the next look ends that worker. Until the
        twenty-first session those naps were real, credited to the budget
        up to 1 s each: a right answer that naps 1 s between looks at four
        workers ran out of it in 1 loaded grading of 2 on 3.13."""
        start = self.start
        news = start.alive_credit.nap(rec, seconds) if (
            start.slow.let_go and start.stop_at is not None) else None
        if news is not None:
            start.nested(rec)
            return news
        return super().op_sleep(rec, seconds)

    def cut(self, rec, seconds: float) -> bool:
        """A nap of the main thread's after the stop, no longer than a step
        (STEP_S), ends once the slow worker is let go (_keep_slow), what is
        left of it passing at once: every worker ends at its next look. The
        kernel has watched the main thread until then (MainWatch). Until the
        twenty-sixth session the rest was real: a right answer that naps 1 s
        between looks spent up to 1 s of every late run there."""
        start = self.start
        return (self.slow.let_go and start.stop_at is not None and rec.tid == start.main_tid
                and seconds <= STEP_S)

    def passes(self, seconds: float) -> OnFastClock | None:
        start = self.start
        clock = start.quiet if start.stop_at is None else self.slow.clock
        if clock.looks.get(SlowEnd.PROCESS, 0) > LOOKS_FREE + len(start.workers):
            return None  # after a loop of looks: a real nap
        if start.stop_at is None:
            return start.quiet_wait(seconds)
        return self.slow.nap(seconds)


LOOKS = ("join", "is_alive", "is_set", "wait")  # the main thread's looks at a worker, the stop


def _untimed(rec) -> bool:
    """A look that waits with no timeout: ``join()``, ``stop.wait()``."""
    return rec.op in ("join", "wait") and (not rec.args or rec.args[0] is None)


def _main_waits(rep, start, what: str, since: int) -> bool:
    """Until the main thread waits: inside a look at a worker or at the stop
    (held, when armed, until SIGTERM is sent) and blocked in the kernel on its
    reply; or, not armed and with no look, blocked in the kernel (the same
    call on two reads)."""
    a, pid = rep.arena, rep.session.pid
    looks = {start.id} | {w.id for w in start.workers}

    def moved():
        return (start.trigger is not None or (not start.arm and start.main_ops > since)
                or start.stop_at is not None or rep.reports.ended() or bool(a.anomalies))
    last = None
    while True:
        if a.wait_for(moved, 0.02):
            break
        if a.child_gone or rep.left() <= 0:
            break
        if start.started is None:
            continue
        if start.arm:
            # armed: SIGTERM comes only during a look (a call of the check's),
            # never while the main thread is blocked elsewhere (a sleep between
            # its looks): only there can its handler's set be told from its own.
            # The next look waits as it begins (GStart.hold_look); one already
            # in progress (an untimed join) counts once the kernel shows the
            # main thread in its recv (a timed one waits as it ends)
            with a.cond:
                inflight = next((r for r in rep.ledger() if r.tid == start.main_tid
                                 and r.end is None and r.op in LOOKS
                                 and r.obj in looks and start.may_hold(r)), None)
            if inflight is not None and _in_recv(pid, pid):
                with a.cond:
                    if start.trigger is None:
                        start.trigger = inflight
                break
            continue
        line = _blocked(pid, pid)
        if line is not None and line == last:
            return True
        last = line
    if start.trigger is not None:  # its reply waits in the grader: it will be in recv
        _until_in_recv(rep)
        return True
    if start.stop_at is not None or (not start.arm and start.main_ops > since):
        return True
    if not a.anomalies and not a.child_gone:
        rep.not_reached.append(what)
    return False


def _until_in_recv(rep) -> None:
    """Until the kernel shows the main thread blocked on a reply the grader
    holds (the trigger's), the child gone, or the budget spent."""
    a, pid = rep.arena, rep.session.pid
    while not _in_recv(pid, pid) and not a.child_gone and rep.left() > 0:
        a.wait_for(lambda: a.child_gone, 0.0005)


def _send(rep, start, aim: str, rearm: bool = False) -> None:
    """SIGTERM, from the grader: to the process, or (``thread``) aimed at a
    thread of it other than the main thread that does not block SIGTERM
    (the watcher of the stop, as a worker would be), as the kernel may
    pick any thread for a process's signal. A second one (_sigterm_again)
    keeps the first's facts: its moment, disposition and bytes written.
    ``rearm``: as this one is out, the main thread's next look on the held
    call's connection waits for a second one (set in the same step, so that
    look is the next one, whatever the timing)."""
    a, pid = rep.arena, rep.session.pid
    # every thread of the process asleep first (at most HANDLED_S, held): a thread
    # still running as SIGTERM goes out (the stop's watcher, just started, on a
    # loaded machine) may take it, and run its C-level handler after the kernel
    # shows it taken; _handled waits only for those that slept to sleep again
    t0 = a.now()
    while not _all_asleep(pid) and a.now() < t0 + HANDLED_S and not a.child_gone:
        a.wait_for(lambda: a.child_gone, 0.0005)
    rep.hold(a.now() - t0)
    with a.cond:
        if a.child_gone or rep.reports.ended():
            return
        first = start.signal_at is None
        asleep = {t for t in procfs.tids(pid) if procfs.thread_state(pid, t) in ("S", "D")}
        target = None
        if aim == "thread":
            others = [t for t in procfs.tids(pid) if t != pid and not _blocks_sigterm(pid, t)]
            watch = start.watch.tid if start.watch is not None else None
            target = watch if watch in others else (others[0] if others else None)
        if first:
            start.signal_at = a.seq
        a.seq += 1
        # the call the main thread is inside now, if any: its handler runs
        # before that call returns (wire.Wire.call), whichever thread takes SIGTERM
        start.held = next((r for r in rep.ledger() if r.tid == start.main_tid
                           and r.end is None), None)
        if start.held is not None:
            start.helds.append(start.held)
        if first:
            start.disposition = _disposition(pid)
            start.written_at_signal = procfs.written(pid, start.main_tid)  # (in a call)
            start.held_fd = _receiving_on(pid, start.main_tid)
            start.blocked_at_signal = _has_sigterm(_status(pid, start.main_tid), "SigBlk")
            start.tail_wanted = (target is None and start.held_fd is not None
                                 and start.disposition == "caught"
                                 and start.blocked_at_signal is False)
            start.signal_to = "the process" if target is None else \
                "another thread than the main thread"
        try:
            if target is None:
                os.kill(pid, signal.SIGTERM)
            else:
                _tgkill(pid, target, signal.SIGTERM)
        except ProcessLookupError:
            pass
    # The main thread goes on only once the kernel shows SIGTERM taken and its
    # C-level handler run (in whichever thread took it): from then on the
    # main thread runs the learner's handler at its next check, before it
    # calls anything on a worker, however late the thread that took it ran.
    t0 = a.now()
    while not _handled(pid, asleep) and a.now() < t0 + HANDLED_S and not a.child_gone:
        a.wait_for(lambda: a.child_gone, 0.0005)  # the kernel's view: no event tells the grader
    rep.hold(a.now() - t0)  # the grader's wait, not the learner's budget
    if first and start.tail_wanted:  # the main thread took it, in the held call
        start.tail = _handler_tail(rep, start)
    with a.cond:
        if first:
            start.released_at, start.released_t = a.seq, a.now()
            start.queued["released"] = procfs.cpu_wait_s(pid, pid)
        a.seq += 1
        start.signalled = True
        if rearm and start.held is not None:
            start.again_after, start.signalled, start.trigger = start.held, False, None
        a.cond.notify_all()


def _receiving_on(pid: int, tid: int) -> str | None:
    """The descriptor (as the kernel writes it) thread ``tid`` is blocked
    receiving on: a proxy waiting for the grader's reply; None otherwise."""
    words = (procfs.syscall(pid, tid) or "").split()
    return words[1] if len(words) > 1 and words[0] in procfs.RECEIVE else None


def _handler_tail(rep, start) -> str | None:
    """What the learner's handler did after its set, in the runs where the
    main thread takes SIGTERM inside the held call: the set's reply waits
    in the grader (GStart.op_set) until the watch begins here; from then
    until the kernel shows the main thread receiving on the held call's
    descriptor again (the handler has returned: PEP 475 retried the
    receive), at most TAIL_S (moved on by a loaded machine's time), held;
    the held call's own reply waits too. Returns what the handler did more
    than set the stop, or None: only the set, or no set of the handler's to
    watch from. What counts is what the kernel says, never a time: bytes
    written, a thread started, a wait of its own seen (``procfs.naps``: not
    one for the GIL), CPU used (a spin; exact, read with the thread blocked
    at both ends)."""
    a, pid, tid = rep.arena, rep.session.pid, start.main_tid
    t0 = a.now()

    def asked() -> bool:  # the handler's set waits for its reply
        r = start.set_rec
        return a.child_gone or (r is not None and r.end is None and start.tail_wanted
                                and r.tid == tid and bool(r.note.get("held_open")))
    # (the main thread back on the held call's descriptor with no set: its handler
    # has returned without one; PEP 475 retries a receive only once it ran)
    while not a.wait_for(asked, 0.0005) and a.now() < t0 + TAIL_S:
        if _receiving_on(pid, tid) == start.held_fd and not asked():
            break
    r = start.set_rec
    # its CPU time once blocked on the set's reply: exact (the kernel adds a
    # running thread's time at its ticks, a blocked one's is up to date)
    cpu0 = procfs.cpu_when_blocked(pid, tid, TAIL_S) if asked() else None
    set_fd = _receiving_on(pid, tid)  # the set's connection (the handler's calls')
    # the process's threads now: a thread the learner's code starts stays until a
    # thread of its looks at it (wire.hold_ends), so one the handler starts is
    # still there once it has returned (a handler that started a thread to log
    # passed 1 grading in 4: its wait for the thread to start was seen or not)
    threads0 = set(procfs.tids(pid))
    with a.cond:
        ok = asked() and not a.child_gone and r.note.get("wchar") is not None and cpu0 is not None
        start.tail_from = a.now()  # the set's reply goes out
        a.cond.notify_all()
    if not ok:
        rep.hold(a.now() - t0)
        return None
    seen: dict[str, int] = {}
    napped: list[str] = []

    def back() -> bool:  # receiving on the held call's descriptor again
        words = (procfs.syscall(pid, tid) or "").split()
        receiving = bool(words) and words[0] in procfs.RECEIVE
        if receiving and words[1:2] == [start.held_fd]:
            return True
        if receiving and words[1:2] == [set_fd]:
            return a.child_gone  # on its way back from the set (or a call of the check's)
        ran = not receiving and procfs.thread_state(pid, tid) == "R"
        name = "it ran" if ran else (f"it waited in {procfs.syscall_name(words[0])}"
                                     if words and words[0] not in ("?", "running") else None)
        if name is not None:
            seen[name] = seen.get(name, 0) + 1
            # a read of its own (a pipe, say), or a wait that is not one for the GIL
            if not ran and name not in napped and (receiving or procfs.naps(pid, tid)):
                napped.append(name)
        return a.child_gone
    returned = wait.until(back, TAIL_S, queued=lambda: procfs.queued_both(pid))
    cpu = (procfs.cpu_when_blocked(pid, tid, TAIL_S) or cpu0) - cpu0
    wrote = (procfs.written(pid, tid) or r.note["wchar"]) - r.note["wchar"]
    rep.hold(a.now() - t0)
    if a.child_gone:
        return None
    if not returned:
        what = max(seen, key=seen.get) if seen else None
        return f"it had not returned {TAIL_S:g} s after its set" + (f" ({what})" if what else "")
    started = set(procfs.tids(pid)) - threads0
    if wrote > 0:
        return f"it wrote {wrote} bytes after its set (a print, a log line)"
    if started:
        return f"it started {len(started)} thread(s) after its set"
    if napped:
        return f"{napped[0]} after its set (a wait of its own)"
    if cpu > TAIL_CPU_S * 1e9:
        return f"it ran {cpu / 1e9:.2f} s of CPU after its set"
    return None


def sigterm_scenario(rep):
    """``run(start_workers)`` runs in the child's main thread. ``before-first``:
    SIGTERM to the process while start_workers() waits for the grader's
    reply, before any worker takes an item. ``midway`` (3 workers),
    ``midway-5``: every worker holds an item; the main thread's first look
    at a worker waits in the grader (midway-5: its next call, a nap if it
    naps, GStart.passes), and once the kernel shows it blocked on the reply,
    SIGTERM is aimed at another thread of the process; midway then sends a
    second, to the process, at the main loop's next look (_sigterm_again). ``late``
    (4 workers): every worker holds an item; SIGTERM is held back for a
    quiet period (QUIET_S) while
    run() waits, QUIET_FAST_S of its timed looks passing at once meanwhile
    (GStart.quiet), then sent to the process while it waits again. Every time,
    the main thread's call in progress (``held``: start_workers, a look
    at a worker or at the stop, or a nap) returns only once the kernel shows SIGTERM
    taken and handled at C level (``_send``); the learner's handler runs
    before that call returns (in it, if SIGTERM interrupted it; else as it
    returns: wire.Wire.call), so its ``stop.set()`` is a call of the main
    thread's nested in the held one: a set from another thread (a timer), or
    from the main thread once the held call returned (its own loop, at a
    guessed moment), is decided by the order of the operations, whatever the
    timing. The workers' thread in the child (the stop's watcher) unblocks
    SIGTERM itself: a mask the learner's code set around ``start_workers``
    cannot keep the thread-directed SIGTERM from it."""
    n, mode = rep.n, rep.mode
    k, aim = SIGTERM_MODES[mode]
    start = rep.add(GStart(n, k, mode, rep.session.pid, rep.hold))
    for w in start.workers:
        rep.add(w)
    rep.helpers.add("stop-watch")
    # the naps of its periods on the grader's clock (late), or those after a
    # worker's True the check is answerable for (AliveNap)
    rep.clock_nap = rep.add(LateNap(start) if mode == "late" else SigtermNap(start))
    start.hold_start = mode == "before-first"
    start.arm = mode.startswith("midway")
    rep.spawn("MainThread", "run", start, main=True)
    rep.go()
    a = rep.arena
    try:
        if mode == "before-first":
            if rep.until(lambda: start.starting is not None, "start_workers() called"):
                pid, tid = rep.session.pid, start.starting.tid
                while not _in_recv(pid, tid) and not a.child_gone and rep.left() > 0:
                    a.wait_for(lambda: a.child_gone, 0.0005)
                _send(rep, start, aim)
        elif _main_waits(rep, start, "your main thread waiting for the workers", 0):
            if mode == "late" and start.stop_at is None:
                # The quiet period: an hour of the main thread's timed looks pass
                # at once, and the learner's clocks move on with them (a watchdog on
                # time.monotonic() that stops the workers itself fires here). It
                # lasts quiet_s, and, once the main thread began that hour, until
                # the hour is over, however slow the machine.
                quiet_s, clock = QUIET_S, SlowEnd.PROCESS
                with a.cond:
                    start.quiet.start({clock: QUIET_FAST_S})
                end = time.monotonic() + quiet_s
                # once the hour is over: the main thread's looks take real time,
                # and the kernel watches whether it waits between them (MainWatch)
                # (not while the hour the main thread began goes on: its timed
                # looks pass at once then, a spin on the check's clock; under load
                # that hour takes seconds, and the reference measured 17% waiting
                # when the samples counted it; a look begun before the period, a
                # join(3) say, is real time)
                watch = MainWatch(rep, start, lambda: clock not in start.quiet.seen
                                  or not start.quiet.now(clock))
                watch.go()
                try:
                    rep.wait(lambda: start.stop_at is not None or rep.reports.ended()
                             or bool(a.anomalies)
                             or (time.monotonic() >= end and watch.enough()),
                             held=True)
                finally:
                    start.between_looks = watch.stop()
                    # the learner's code ended the period (a return, a stop set
                    # before any SIGTERM): how much of the watch came first is
                    # time, so none of it is judged (a 6 s Timer that gives up
                    # returned 0 to 100 ms into the watch: the check's verdict
                    # varied between gradings)
                    if rep.reports.ended() or start.stop_at is not None:
                        start.watch_cut = ("the stop was set" if start.stop_at is not None
                                           else "run() returned")
                    start.longest_nap = max(start.longest_nap, watch.longest)
                    start.looped = watch.loop_of_looks()
                with a.cond:
                    start.quiet.start({})
                    start.arm, since = True, start.main_ops
                if start.stop_at is not None:  # set before any SIGTERM: decided, none sent
                    return _finish(rep, start)
                if not _main_waits(rep, start,
                                   "your main thread waiting again after a quiet period", since):
                    return _finish(rep, start)  # no look: no SIGTERM it could be told by
            _send(rep, start, aim, rearm=mode == "midway")
            if start.held is not None and start.held.kind == "Nap":
                _handler_after_nap(rep, start)
            if mode == "midway":
                _sigterm_again(rep, start)
            if mode == "late":
                _keep_slow(rep, start)
    finally:
        start.release()
    return _finish(rep, start)


def _sigterm_again(rep, start) -> None:
    """midway: a second SIGTERM, to the process, in the main loop's next look
    after the call the first came in (armed as the first went out: _send's
    ``rearm``). A handler only sets the stop again, and the process survives
    it (ninth hostile reading: a handler that ends the process on a second
    SIGTERM). Sent only when the first set the stop and SIGTERM is still
    caught and not blocked at that look (otherwise the look goes on, and the
    checks say why, as before)."""
    a = rep.arena
    if start.again_after is None:
        return
    # (a main thread that makes no look once the stop is set, its own supervisor
    # thread joining the workers, say, gets none: not a moment it must reach)
    rep.wait(lambda: start.trigger is not None or a.child_gone or rep.reports.ended())
    if start.trigger is None or a.child_gone:
        return
    _until_in_recv(rep)
    with a.cond:
        again = (start.stop_at is not None and start.disposition_after == "caught"
                 and start.blocked_after is False)
        if not again:
            start.signalled = True
            a.cond.notify_all()
    if again:
        _send(rep, start, "process")


def _handler_after_nap(rep, start) -> None:
    """SIGTERM came in a nap of the main thread's (midway-5): its handler
    runs before that call ends, so once the main thread has made its next
    call, with the stop not set, its handler did not set it (tenth hostile
    reading: a handler that drops a SIGTERM it gets during a nap of its
    own). Such a run goes on until its budget: the check says so then."""
    held, a = start.held, rep.arena

    def next_call() -> bool:
        return any(r.conn == held.conn and r.seq > held.seq for r in rep.ledger())
    rep.wait(lambda: start.stop_at is not None or next_call() or rep.reports.ended()
             or a.child_gone)
    if start.stop_at is None and next_call():
        rep.not_reached.append(f"the stop set by your handler: SIGTERM came during your "
                               f"{_call_text(held)}, and your main thread went on from it "
                               "with the stop not set")


class MainWatch:
    """The kernel's view of the main thread in the late run's quiet period,
    while its looks and naps take real time (``real()``: not in the hour it
    began on the fast clock, whose timed looks pass at once: a spin on the
    check's clock, seconds of it under load), for at least WATCH_S in all.

    "Wait in timed steps, never a loop of looks with no wait between them",
    measured as two times. *Waiting*: the thread is in a wait of NAP_S or
    more, sampled every SAMPLE_S (a look of the check's with such a timeout,
    or none, its record parked; or asleep in the kernel in a wait of its own
    that long). *Running*: its CPU time (the kernel's count, exact whatever
    the load), and the samples that find it in a shorter wait (a short nap or
    timed look, CPython's wait for the GIL) or in a look of a loop of looks
    (past the first LOOKS_FREE plus one per worker since the last long
    wait). A main thread that spins on ``stop.is_set()`` or ``is_alive()``
    waits almost never; one that looks at each worker, then naps 10 ms or
    more, almost always; one that spins 5 ms between 10 ms naps, two thirds
    of the time (on an idle machine: under load, its looks wait on a slow
    grader, and the loop makes fewer of them). Not counted: the time it is
    runnable but waits for a CPU, the time of a round's first looks (mostly
    the grader's: a slow grader must not fail a right answer), and naps
    whose length the samples cannot place on either side of NAP_S. A nap's
    length comes from its deadline (until the fifteenth session a sample
    counted as waiting with more than 5 ms of its wait left, so a nap counted
    for its length less 5 ms: 8 ms naps measured 35 to 36%, on the 35% line,
    and their verdicts changed). Started with the quiet period; the scenario
    waits for ``enough()`` before it ends that period. Beside the shares, the
    ledger's records of the time watched show loops of looks no share can
    tell under load (``loop_of_looks``)."""

    def __init__(self, rep, start, real):
        self.rep, self.start, self.real = rep, start, real
        self.waiting = self.running = 0.0  # seconds
        self.watched = 0.0  # seconds sampled while real() held
        self.opened = False
        self.done = False
        self.thread = None
        self.before = None   # the previous sample: (time, CPU ns, run-queue ns, state)
        self.nap = None      # the nap last seen: (its deadline, its kind)
        self.looks = 0       # the main thread's looks read in the ledger (_read_ledger)
        self.rested_at = 0   # ... at the last long wait
        self.read = rep.first  # the arena's ledger read up to here
        self.longest = 0.0   # the longest nap seen (at least), seconds
        self.span = None     # the ledger's seqs watched while real() held: (first, last)

    def go(self) -> None:
        self.thread = threading.Thread(target=self._watch, name="main-watch", daemon=True)
        self.thread.start()

    def enough(self) -> bool:
        """Watched WATCH_S, and TOLD_S of it told waiting or running (or
        WATCH_MAX_S watched: naps of about NAP_S are never told)."""
        return self.watched >= WATCH_S and (self.waiting + self.running >= TOLD_S
                                            or self.watched >= WATCH_MAX_S)

    def stop(self) -> tuple[float, float] | None:
        """(waiting, running) seconds; None when real() never held."""
        self.done = True
        self.thread.join()
        return (self.waiting, self.running) if self.opened else None

    def loop_of_looks(self) -> str | None:
        """The ledger's word, beside the kernel's shares: one thread's looks
        that do not wait at one object, LOOPED times or more in a burst (looks
        that each began less than NAP_S after a look of that thread's that does
        not wait: no wait of NAP_S fits between them), while real() held;
        the longest such burst, said, or None. A right answer looks at each
        worker and at the stop two or three times between waits (``while not
        stop.is_set(): ... if stop.is_set(): log(stop.is_set())``; a look
        that waits, ``t.join(0.1)``, counts in none). The shares alone let a main thread
        that spins 5 ms between 10 ms naps pass under load: each look waited
        on a slow grader, and a burst of three looks, rarer, was left out of
        the loops they count (a fresh-clone CI, nineteenth session). A
        burst needs no share: one is seen or not. Every thread of the
        learner's counts: the kernel watches the main thread only, and a
        helper thread that spun on ``is_alive()``, or polled with 1 ms naps,
        while the main thread napped passed every grading (hostile round,
        twenty-sixth session)."""
        if self.span is None:
            return None
        first, last = self.span
        names = {self.start.id: "the stop", **{w.id: w.name for w in self.start.workers}}
        ended = {w.id: w.ended_at for w in self.start.workers}
        worst = None  # (looks, the first, the last) of the longest burst at one object
        # by thread: the burst's last look; its looks by object: [n, first]
        # (a burst is looks that do not wait: a look that waits, ``t.join(0.1)``, ends one)
        prevs, bursts = {}, {}
        for r in self.rep.ledger():
            if not first <= r.seq <= last:
                continue
            if r.kind == "Nap":  # a nap, or a timed wait on an object of its own, sent
                # to the check's clock: a wait of that length on the learner's clock,
                # whether its fast period passed it at once or not
                if _long_nap(r):
                    prevs.pop(r.tid, None)
                    bursts.pop(r.tid, None)
                continue
            if r.obj not in names or r.op not in LOOKS:
                continue
            if not _waits_not(r, ended):
                prevs.pop(r.tid, None)
                bursts.pop(r.tid, None)
                continue
            prev = prevs.get(r.tid)
            if prev is not None and r.t - prev.t >= NAP_S:
                bursts.pop(r.tid, None)  # (a wait the check does not see: one that took real time)
            prevs[r.tid] = r
            seen = bursts.setdefault(r.tid, {}).setdefault(r.obj, [0, r])
            seen[0] += 1
            if seen[0] >= LOOPED and (worst is None or seen[0] > worst[0]):
                worst = (seen[0], seen[1], r)
        if worst is None:
            return None
        n, one, end = worst
        by = "" if one.tid == self.start.main_tid else f" by {one.who} (a thread of yours)"
        return (f"{one.op}() of {names[one.obj]} {n} times in "
                f"{(end.t - one.t) * 1000:.1f} ms{by}, with no wait of {NAP_S * 1000:g} ms or more "
                "between them")

    def _watch(self) -> None:
        a, pid, tid = self.rep.arena, self.rep.session.pid, self.start.main_tid
        last = None  # the previous sample's time, while real() held
        while not self.done and not a.child_gone:
            with a.cond:
                real = self.real()
                recs = [r for r in a.current.values() if r.tid == tid]
                ended = a.last_end.get(tid, 0.0)
                self._read_ledger()
                if real:
                    self.span = (a.seq if self.span is None else self.span[0], a.seq)
            now = time.monotonic()
            before, self.before = self.before, None
            times, state = procfs.schedstat(pid, tid), procfs.thread_state(pid, tid)
            if times is not None:
                self.before = (now, *times, state)
            if not real:
                last = None
                time.sleep(SAMPLE_S)
                continue
            self.opened = True
            dt = 0.0 if last is None else now - last
            self.watched += dt
            last = now
            kind = self._sample(pid, tid, recs, state, ended, before, times)
            if kind in ("waiting", "undecided"):  # (a wait the ledger does not show too)
                self.rested_at = self.looks
            # a loop of looks: past a round's first looks since the last long wait
            loop = self.looks - self.rested_at > LOOKS_FREE + len(self.start.workers)
            if kind == "look":
                kind = "short" if loop else None
            if loop and before is not None and times is not None and dt:
                self.running += (times[0] - before[1]) / 1e9  # its CPU time in the loop
            if kind == "waiting":
                self.waiting += dt
            elif kind == "short":
                self.running += dt
            if self.enough():
                with a.cond:
                    a.cond.notify_all()
            time.sleep(SAMPLE_S)  # a sampling period, not a wait for anything

    def _read_ledger(self) -> None:
        """The main thread's looks and waits begun since the last sample, in
        the ledger's order (under the monitor): a nap of NAP_S or more, or a
        look that waited that long (read once it has ended: not
        ``_waits_not``), ends a round of looks. Until the thirty-fourth
        session only the samples saw those waits: under load the sampler
        could miss a whole 50 ms nap, the round went on, and the looks after
        it counted as a loop (a right answer that naps 50 ms between looks
        at four workers measured 76% waiting in 1 loaded grading of 24)."""
        a, start = self.rep.arena, self.start
        names = {start.id, *(w.id for w in start.workers)}
        ended = {w.id: w.ended_at for w in start.workers}
        while self.read < len(a.ledger):
            r = a.ledger[self.read]
            if r.tid == start.main_tid and r.kind == "Nap":
                if _long_nap(r):
                    self.rested_at = self.looks
            elif r.tid == start.main_tid and r.obj in names and r.op in LOOKS:
                if r.result is None:
                    return  # in progress: read again at the next sample
                self.looks += 1
                if not _waits_not(r, ended):
                    self.rested_at = self.looks
            self.read += 1

    def _sample(self, pid, tid, recs, state, ended, before, times) -> str | None:
        """"waiting" (that long), "short" (a shorter wait), "look" (one that
        does not wait that long), "undecided" (a nap of a length the samples
        cannot tell) or None (on a CPU or waiting for one: its CPU time is
        counted apart; or not counted)."""
        if recs:  # inside a look: one that waits that long, or one that does not
            t0 = self.rep.arena.t0
            return "waiting" if any(r.parked is not None and (
                r.until is None or r.until - (t0 + r.t) >= NAP_S) for r in recs) else "look"
        if state != "S":
            return None
        words = (procfs.syscall(pid, tid) or "").split()
        if not words or words[0] == "?":
            return None
        if words[0] in procfs.RECEIVE:
            return "look"  # on its way to the grader
        if not procfs.in_wait(pid, tid):
            return None  # asleep in a call that is no wait the kernel can time (a write)
        return self._nap(pid, tid, ended, before, times)

    def _nap(self, pid, tid, ended, before, times) -> str:
        """A wait of the main thread's own, by its length: "waiting" when it
        lasts NAP_S or more, "short" when less, "undecided" when the samples
        cannot tell. A timeout given as a length is read whole. One given as a
        deadline (``time.sleep`` from 3.11 on, ``Event.wait(t)``) lasts at
        least what is left of it now, and at most from the earliest moment
        it can have begun: after the end of the thread's last look, and after
        the previous sample by at least the CPU and run-queue time the thread
        had since then (the kernel counts neither while it sleeps, and its
        counts are exact only for a thread that is not running)."""
        found = procfs.wait_timeout(pid, tid)
        if found is None:  # untimed (a wait on an object of its own: untimed looks fail),
            # or its timeout could not be read (the call was ending): not counted
            return "waiting" if procfs.untimed_wait(pid, tid) else None
        _, left, deadline = found
        self.longest = max(self.longest, left)
        if deadline is None:
            return "waiting" if left >= NAP_S else "short"
        if self.nap is not None and abs(self.nap[0] - deadline) < 0.0001:
            return self.nap[1]  # the same nap as at the previous sample
        began = ended
        if before is not None and times is not None and before[3] == "S":
            began = max(began, before[0] + (sum(times) - before[1] - before[2]) / 1e9)
        kind = ("waiting" if left >= NAP_S else "short" if deadline - began < NAP_S
                else "undecided")
        self.nap = (deadline, kind)
        return kind


def _long_nap(rec) -> bool:
    """A nap, or a timed wait on an object of the learner's own, sent to the
    check's clock (a "Nap" record), of NAP_S or more."""
    length = rec.args[0] if rec.args else None
    return isinstance(length, (int, float)) and length >= NAP_S


def _waits_not(rec, ended: dict) -> bool:
    """A look that does not wait NAP_S: ``is_alive()``, ``is_set()``, a
    ``stop.wait()`` that said True or a ``join`` of a worker that had ended
    (``ended``: each worker's ledger seq then; both return at once, whatever
    their timeout: a main thread that went on looking every millisecond
    after the stop, between such looks and a 1 ms wait of its own, passed
    until the twentieth session's hostile round), or a ``join``/``wait``
    whose timeout is shorter (by its argument, not by how long the grader
    took to answer)."""
    if rec.op in ("is_alive", "is_set") or (rec.op == "wait" and rec.value is True):
        return True
    if rec.op == "join" and ended.get(rec.obj) is not None and ended[rec.obj] < rec.seq:
        return True
    timeout = rec.args[0] if rec.args else None
    return isinstance(timeout, (int, float)) and timeout < NAP_S


def _keep_slow(rep, start) -> None:
    """After SIGTERM in the late run: the slow worker runs on past its fast
    hour, in real time, until each wait with a timeout of the learner's
    own that is in progress once its process is at rest has run out
    (Rep.outwait): a ``threading.Timer`` that gives the workers 5 s is not
    on the fast clock, and would otherwise never be seen to fire."""
    a, pid, slow = rep.arena, rep.session.pid, start.slow

    def done() -> bool:
        return rep.reports.ended() or bool(a.anomalies) or a.child_gone

    def hour_over() -> bool:
        with a.cond:
            return not slow.on()
    with a.cond:
        slow.keep = True
    t0 = time.monotonic()
    # meanwhile the kernel watches the main thread again, as in the quiet period:
    # a loop that waits on the stop spins once it is set (stop.wait(0.1) returns
    # at once), and the slow worker's real time is when that shows
    watch = MainWatch(rep, start, hour_over)  # (the monitor is re-entrant)
    watch.go()
    try:
        # at rest, and seen waiting: a spinner whose looks wait for a slow grader
        # can read as at rest (every thread asleep, its main one in a receive)

        def rests() -> bool:
            return rep.at_rest(pid) is not None and watch.waiting > 0
        wait.until(lambda: done() or (hour_over() and rests()), KEEP_S, poll=0.002,
                   queued=lambda: procfs.queued_both(pid))
        if not done() and not rests():  # a main thread never at rest:
            start.after_restless = True
            wait.until(lambda: done() or watch.enough(), KEEP_S, poll=0.002)  # watched
        rep.hold(time.monotonic() - t0)
        rep.outwait(done)
        _watch_helpers_wake(rep, start, done, watch)
    finally:
        with a.cond:
            slow.keep, slow.let_go = False, True
            a.cond.notify_all()
        start.after_stop_looks = watch.stop()
        start.longest_nap = max(start.longest_nap, watch.longest)
        start.looped_after = watch.loop_of_looks()


def _watch_helpers_wake(rep, start, done, watch) -> None:
    """After SIGTERM in the late run, once the process was at rest: a thread
    of the learner's other than the main one (the workers are the grader's)
    in a timed wait on the check's clock that ends within STEP_S acts again
    once it ends. The watch goes on (the time held) until each such wait has
    ended, then for WATCH_S more; sooner if ``done()``. A helper that looks
    every 50 ms, and spins on ``is_alive()`` while the main thread naps, passed
    1 fresh-clone make test grading (thirtieth session): the watch could end
    while it waited, and the main thread's nap end with the watch."""
    a = rep.arena
    t0 = time.monotonic()
    with a.cond:
        pending = {r.seq for r in a.current.values()
                   if r.tid != start.main_tid and r.until is not None and r.until <= t0 + STEP_S}
    if not pending or done():
        return

    def woke() -> bool:
        with a.cond:
            return done() or not any(r.seq in pending for r in a.current.values())
    wait.until(woke, STEP_S + KEEP_S, poll=0.002)
    seen = watch.watched
    wait.until(lambda: done() or watch.watched - seen >= WATCH_S, KEEP_S, poll=0.002)
    rep.hold(time.monotonic() - t0)


def _finish(rep, start) -> dict:
    start.release()
    facts = rep.finish()
    facts.update(_sigterm_facts(rep, start))
    return facts


def _sigterm_facts(rep, start) -> dict:
    calls = rep.calls_of("MainThread")
    returned = calls[-1]["end"] if calls and calls[-1]["end"] is not None else None
    if start.stop_at is None:
        stop = "never"
    elif start.signal_at is None or start.stop_at < start.signal_at:
        stop = "before"
    else:
        stop = "after"
    ws = start.workers
    set_rec = start.set_rec
    held = start.helds[0] if start.helds else None  # the first SIGTERM's
    helds = {h.seq: h for h in start.helds}
    ledger = rep.ledger()

    def in_held_call(rec) -> bool:
        # inside a held call (the first SIGTERM's, or midway's second): on another
        # connection of the main thread's (a call made inside a call: wire.Wire.call),
        # while the held call's connection was open and before the main thread's
        # next call on it
        h = helds.get(rec.note.get("in_held"))
        return (h is not None and rec.tid == start.main_tid and rec.conn != h.conn
                and not any(r.conn == h.conn and h.seq < r.seq < rec.seq for r in ledger))
    if set_rec is None or held is None or set_rec.tid != start.main_tid:
        nested = None
    else:
        nested = in_held_call(set_rec)
    def retired(h) -> bool:
        # the held call ended by an exception in the learner's process (its handler
        # raised): wire.Wire.call retires a connection an exception interrupted, so
        # the main thread never used that one again, and went on on a new one (used
        # more than once: a call made inside a call has a connection of its own)
        later = [r.conn for r in ledger if r.tid == start.main_tid and r.seq > h.seq]
        return h.conn not in later and any(later.count(c) > 1 for c in set(later))
    # the handler's other calls: a look the main thread made inside the held call
    handler_calls = [] if held is None else [
        _call_text(r) for r in ledger if r.seq > held.seq and r.op != "set"
        and r.kind in ("StartWorkers", "Thread", "Nap") and in_held_call(r)]
    return {
        "handler_calls": handler_calls,
        "handler_tail": start.tail,
        "handler_raised": [_call_text(h) for h in start.helds if retired(h)],
        # bytes the main thread wrote between SIGTERM and the handler's set, past the
        # one a wakeup fd gets (C's, not the handler's)
        "handler_wrote": max(0, (set_rec.note.get("written") or 0) - 1) if nested else 0,
        "disposition_after": start.disposition_after,
        "blocked_after": start.blocked_after,
        "blocked_at_signal": start.blocked_at_signal,
        "disposition_again": start.after_again and start.after_again[0],
        "blocked_again": start.after_again and start.after_again[1],
        # a set after the first that is not the handler's (the handler runs once,
        # in the held call): the learner's own, as a finally: stop.set()
        "other_sets": [("the main thread" if r.tid == start.main_tid else repr(r.who))
                       for r in start.sets[1:] if held is None or not in_held_call(r)],
        "set_by": (None if set_rec is None else
                   "the main thread" if set_rec.tid == start.main_tid else set_rec.who),
        "held_call": None if held is None else _call_text(held),
        "set_in_held_call": nested,
        # (shown, not judged) from the moment the main thread could go on; the
        # time the kernel kept it waiting for a CPU meanwhile is the machine's
        "stop_after_s": (None if start.stop_t is None or start.released_t is None
                         else max(0.0, start.stop_t - start.released_t
                                  - max(0.0, start.queued.get("stop", 0.0)
                                        - start.queued.get("released", 0.0)))),
        "started": start.starting is not None,
        "between_looks": start.between_looks,
        "watch_cut": start.watch_cut,
        # the main thread's waits with no timeout (join(), stop.wait()): not a timed step
        "untimed_looks": [_call_text(r) for r in ledger if r.tid == start.main_tid
                          and r.kind in ("Thread", "StartWorkers") and _untimed(r)],
        # ... and its steps longer than STEP_S: a look's timeout, a nap the check's
        # clock saw (a time.sleep, every run; a timed wait of its own, in a fast
        # period), or one the kernel showed (late). (Naps were judged by the
        # kernel alone until the thirty-first session's hostile round: a nap
        # runs in 50 ms slices there, and 1.2 s naps between looks passed)
        "long_steps": [_call_text(r) for r in ledger if r.tid == start.main_tid
                       and (r.kind, r.op) in (("Thread", "join"), ("StartWorkers", "wait"),
                                              ("Nap", "sleep"), ("Nap", "passed"))
                       and r.args and type(r.args[0]) in (int, float)
                       and r.args[0] > STEP_S][:1]
        + ([f"a nap of {start.longest_nap:.2f} s"] if start.longest_nap > STEP_S else []),
        "after_stop_looks": start.after_stop_looks,
        "looped": start.looped,
        "looped_after": start.looped_after,
        "after_restless": start.after_restless,
        "signal_sent": start.signal_at is not None,
        "signal_to": start.signal_to,
        "disposition": start.disposition,
        "stop": stop,
        "workers": len(ws),
        "in_hand": [w.name for w in ws if w.in_hand is not None],
        "items": {w.name: w.done for w in ws},
        "alive_at_return": [w.name for w in ws if returned is not None
                            and (w.ended_at is None or w.ended_at > returned)],
        "unseen": [w.name for w in ws if returned is not None and w.ended_at is not None
                   and w.ended_at < returned and (w.seen_at is None or w.seen_at > returned)],
    }


def _call_text(rec) -> str:
    args = ", ".join(repr(a) for a in rec.args if a is not None)  # join(): join(None)
    if rec.kind == "Nap":
        if rec.args and type(rec.args[0]) is float:  # (a sliced wait's: what was left of it)
            args = secs(rec.args[0])
        return (f"time.sleep({args})" if rec.op == "sleep"
                else f"a timed wait of your own ({args} s)")
    if rec.kind == "StartWorkers":
        return "start_workers(stop)" if rec.op == "start" else f"stop.{rec.op}({args})"
    return f"{rec.obj.split('.', 1)[1]}.{rec.op}({args})"


def _started(f):
    return f["started"], (f"{f['workers']} workers started" if f["started"]
                          else "start_workers(stop) was never called")


def _stop_from_sigterm(f):
    s = f["stop"]
    if s == "after" and f["disposition"] != "ignored":
        if f["set_by"] is None:
            return False, ("the stop Event was set without its set() method (the check sees "
                           "every stop.set(), from the thread that calls it): not your handler")
        if f["set_by"] != "the main thread":
            return False, (f"the stop was set by the thread {f['set_by']!r}, not the main "
                           "thread: Python runs signal handlers only in the main thread, so "
                           "it was not your handler (a timer?)")
        if f["set_in_held_call"] is False:
            return False, (f"your main thread set the stop itself, once {f['held_call']} "
                           "had ended: SIGTERM came during that call, and a handler runs "
                           "inside it, before it ends; only the handler may set the stop")
        if f["set_in_held_call"] and f.get("other_sets"):
            return False, (f"the handler set the stop, and then {f['other_sets'][0]} set it "
                           "again, outside the handler: only the handler may set it")
        if f["set_in_held_call"] and f.get("handler_raised"):
            return False, (f"an exception ended your {f['handler_raised'][0]} as SIGTERM came "
                           "in it: your handler raised (a handler only sets the stop; what it "
                           "raises lands in whatever your main thread was doing)")
        if f["set_in_held_call"] and f.get("handler_calls"):
            return False, (f"your handler set the stop, and also called "
                           f"{f['handler_calls'][0]}: a handler only sets it (it runs in the "
                           "main thread, inside the call SIGTERM interrupted)")
        if f["set_in_held_call"] and f.get("handler_tail"):
            return False, (f"your handler did more than set the stop: {f['handler_tail']}; a "
                           "handler only sets it (it runs in the main thread, inside the call "
                           "SIGTERM interrupted, and that call waits for it)")
        if f["set_in_held_call"] and f.get("handler_wrote"):
            return False, ("your handler wrote before it set the stop (your main thread "
                           "wrote bytes between SIGTERM and its stop.set(): a print or a log "
                           "line): a handler only sets it (a write can block, and logging "
                           "takes locks the code it interrupted may hold)")
        if f["set_in_held_call"] and f.get("disposition_after") in ("default", "ignored"):
            return False, (f"after your handler ran, SIGTERM was {f['disposition_after']} "
                           "again at your main thread's next look: your code changed it (the "
                           "handler, or your main thread once the stop was set); keep the "
                           "handler: a second SIGTERM during the shutdown would find none")
        if f["set_in_held_call"] and f.get("blocked_after") and f.get("blocked_at_signal"):
            return False, ("your main thread blocked SIGTERM (signal.pthread_sigmask) before "
                           "SIGTERM came, and still at its next look after the handler ran: a "
                           "SIGTERM the kernel gives it would wait unseen; leave SIGTERM "
                           "unblocked in the main thread")
        if f["set_in_held_call"] and f.get("blocked_after"):
            return False, ("after your handler ran, your main thread blocked SIGTERM at its "
                           "next look (signal.pthread_sigmask): a handler only sets the stop; "
                           "a second SIGTERM during the shutdown would wait unseen")
        if f["set_in_held_call"] and f.get("disposition_again") in ("default", "ignored"):
            return False, (f"after a second SIGTERM, SIGTERM was {f['disposition_again']} at "
                           "your main thread's next look: your code changed it (a handler "
                           "that does something else the second time?); a handler only "
                           "sets the stop, every time")
        if f["set_in_held_call"] and f.get("blocked_again"):
            return False, ("after a second SIGTERM, your main thread blocked SIGTERM at its "
                           "next look (signal.pthread_sigmask): a handler only sets the "
                           "stop, every time")
        if f["set_in_held_call"]:
            return True, "set after SIGTERM, by the handler"
        return False, ("your main thread was not inside a call of the check's when SIGTERM "
                       "came, so the check cannot tell your handler's stop.set() from your "
                       "own: wait by looking at the workers or at the stop, in timed steps "
                       "(`t.join(0.1)`, `t.is_alive()`, `stop.wait(0.1)`, `stop.is_set()`)")
    if s == "before":
        return False, ("your code set the stop before any SIGTERM was sent (at once, or "
                       "on a timer): only the handler may set it")
    if s == "after" and f["disposition"] == "ignored":
        return False, ("SIGTERM was ignored (SIG_IGN) when the check sent it: the stop "
                       "came from your code, not from a handler")
    if not f["signal_sent"]:
        if f["alive_at_return"]:  # a watchdog that gave up in the quiet period, say
            return False, (f"run() returned before any SIGTERM, with "
                           f"{', '.join(f['alive_at_return'])} still running: only the stop "
                           "ends the wait (a timer or a deadline of yours came first)")
        return False, "not measured: the check never got to send SIGTERM"
    return False, "the stop Event was never set after SIGTERM: no handler of yours set it"


def _timed_steps(f):
    if f.get("untimed_looks"):
        return False, (f"your main thread waited with no timeout: {f['untimed_looks'][0]} "
                       "(every wait a timed step, after the stop too)")
    if f.get("long_steps"):
        return False, (f"your main thread waited longer than {STEP_S:g} s in one step: "
                       f"{f['long_steps'][0]} (a SIGTERM the kernel gives another thread is "
                       "handled only when that wait ends)")
    seen = f.get("between_looks")
    if f["mode"] != "late":
        return True, "no quiet period in this run"
    if f.get("watch_cut"):
        return False, (f"not measured: {f['watch_cut']} in the quiet period, before any "
                       "SIGTERM, so its waits between looks were not watched")
    if seen is None:
        return False, "not measured: the quiet period ended before your main thread's hour did"
    waiting, running = seen
    if waiting + running < TOLD_S:
        return False, (f"seen waiting in waits that last about {NAP_S * 1000:g} ms: only "
                       f"{(waiting + running) * 1000:.0f} ms of {WATCH_MAX_S:g} s watched could "
                       "be told waiting or not (nap 10 ms or more between looks)")
    share = waiting / (waiting + running)
    said = (f"seen waiting in waits of {NAP_S * 1000:g} ms or more {waiting * 1000:.0f} ms of "
            f"{(waiting + running) * 1000:.0f} ms between looks ({share:.0%})")
    after = f.get("after_stop_looks")
    if share >= WAITING_SHARE and after is not None and (
            sum(after) >= AFTER_S or f.get("after_restless") and sum(after)):
        # after the stop, while the slow worker ran in real time: judged when it
        # lasted (a right answer is at rest at once, and that period is short), or
        # when the main thread was never at rest meanwhile, however short the time
        # between its looks (a spinner's is mostly inside them: under load, 5
        # samples of 250 once, and a spinner after the stop passed a fresh make test)
        w, r = after
        if w / (w + r) < WAITING_SHARE:
            return False, (f"{said}; after the stop, seen waiting in such waits {w * 1000:.0f} ms of "
                           f"{(w + r) * 1000:.0f} ms ({w / (w + r):.0%}): a wait on the stop "
                           "returns at once once it is set, and a join of a worker that has "
                           "ended at once (wait on the workers still running then)")
    if share < WAITING_SHARE:
        return False, said
    for when, looped in (("", f.get("looped")), ("after the stop, ", f.get("looped_after"))):
        if looped:
            return False, (f"{said}; but {when}a loop of looks: {looped} (a nap of 10 ms or "
                           "more between two looks)")
    return True, said


def _items_finished(f):
    held = f["in_hand"]
    if held:
        return False, f"{names(held)} still held an item at the end (the stop never reached it)"
    return True, "every item in hand finished"


SIGTERM = Exercise(
    id="signal-target/sigterm",
    lab="signal-target",
    title="A SIGTERM handler that stops every worker cleanly",
    statement=(
        "Write `run(start_workers)`, the main function of a program with workers. Create "
        "a `threading.Event` for the stop, install a SIGTERM handler (`signal.signal`) "
        "that only sets it, then call `start_workers(stop)`: it starts the workers and "
        "returns their threads (`join(timeout)`, `is_alive()`, `name`). Set the stop only "
        "from the handler. Wait until every worker has ended, then return. Wait in timed "
        "steps, looking at the workers or at the stop (`while t.is_alive(): t.join(0.1)`, "
        "`stop.wait(0.1)`, or `time.sleep(0.01)` or longer between two looks; never a "
        f"loop of looks with no wait between them, in any thread of yours; no step longer than {STEP_S:g} s): the "
        "handler runs in the main thread, and a signal the kernel gives another thread "
        "does not wake a wait: the handler runs when the wait ends. "
        "Useful imports: `signal`, `threading`, `time`, `logging`.\n\n"
        "The check's workers are its own, 2 to 5 of them (not all called `worker-N`): "
        "each does items until it sees "
        "the stop, and finishes the item in hand first. They are slow to end: a timed "
        "`join` never sees one end, and the first `is_alive()` after the stop says True; "
        "in some runs one of them first runs an hour on your clock (your timed `join`s, "
        "and your naps between `is_alive()` looks, pass at once, and the clocks of `time` "
        f"move on with them: your first {FINE} pass their own timeout each, each after them "
        "at least the time passed before it), and then on, in real time, until each wait with a timeout of "
        "at most 5 s that a thread of yours is in then has run out (a `threading.Timer`). "
        "The check sends SIGTERM to your process while `start_workers` runs; or while "
        "every worker is in the middle of an item and your main thread has just begun "
        "to wait (in some runs, in the first nap after a look, if it naps between looks), "
        "aimed at another thread of the process (one of the check's: it does not "
        "block SIGTERM, whatever mask your threads have), and in some of those runs "
        "again, to the process, at your main thread's next look once the stop is set "
        "(if it makes one); "
        "or after holding it back for "
        f"a quiet period ({QUIET_S:g} s) while you wait, in which an hour "
        "passes on your clock (your timed looks, and your naps between looks, pass at "
        "once, and the clocks of `time` and `threading`'s timed waits move on with them), "
        f"and then at least {WATCH_S:g} s more, in which the kernel watches your main "
        f"thread: it must spend {WAITING_SHARE:.0%} of that time or more in waits of "
        f"{NAP_S * 1000:g} ms or more (a nap between looks, or a look with such a timeout), "
        f"not counting a round of looks after each such wait (one per worker, and "
        f"{LOOKS_FREE} more), nor the time it waits for a CPU; and so after the stop while a "
        "worker is slow to end; "
        "in a random order. "
        "The process must survive every SIGTERM; the stop must be set by your handler, "
        "after SIGTERM "
        "(the kernel tells the check whether SIGTERM is caught, ignored or left to its "
        "default). The check sends SIGTERM only while your main thread is inside one of "
        "its calls (`start_workers`, a look: `join`, `is_alive`, `stop.wait(timeout)`, "
        "`stop.is_set()`, or a nap: `time.sleep` is one of its calls too), and that call "
        "ends only once the kernel shows SIGTERM taken; "
        "Python runs a handler only in the main thread, and the check's calls run it "
        "before they end. A wait of at most 1 s that nothing but the check could end "
        "(the look SIGTERM aimed at another thread came in, a nap after a worker said "
        "True once the stop came) passes at once, the clocks of `time` moving on by its "
        "length. The check sees every `stop.set()` and the thread that calls "
        "it: a set from another thread, or one your main thread makes once that call "
        "has ended, is not the handler's. Every worker must finish its item and end, and "
        "you must "
        "have seen it end (`join()` returned, or `is_alive()` False), before `run` "
        "returns."),
    functions=("run",),
    signatures=(("start_workers",),),
    skeleton=(
        "import threading\n\n"
        "def run(start_workers):\n"
        "    stop = threading.Event()\n"
        "    for t in start_workers(stop):  # no handler: SIGTERM's default action applies\n"
        "        t.join()\n"),
    modes=tuple(SIGTERM_MODES),
    scenario=sigterm_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    checks=(
        Check("the workers were started", "started", _started,
              ("Call `start_workers(stop)` with your Event.",
               "`for t in start_workers(stop): ...`.", "Notebook 03, `fixed-sigterm`.")),
        Check("the stop was set by the SIGTERM handler", "set after SIGTERM",
              _stop_from_sigterm,
              ("Only the handler may set the stop, and it must set the Event the workers "
               "were given.",
               "`signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())`, before "
               "`start_workers(stop)`; never `SIG_IGN`, never `stop.set()` yourself.",
               "Notebook 03, `sets_shutdown`: a handler that only sets an Event.")),
        Check("every worker finished the item in hand", "every item in hand finished",
              _items_finished,
              ("A worker still held an item: the stop never reached it.",
               "Set the Event in the handler; the workers check it between items.",
               "Notebook 03, `fixed-sigterm`.")),
        Check("run() waited for every worker", "all had ended", ended_before_return("run()"),
              ("run() returned while workers were still running, or without seeing them end.",
               "For each worker: `while t.is_alive(): t.join(0.1)`.",
               "Notebook 03, `fixed-sigterm`.")),
        Check("run() waited between its looks", "waiting in timed steps", _timed_steps,
              ("Your main thread spins: it looks again and again without waiting between "
               "looks (or with waits shorter than 10 ms), and keeps a CPU busy while it waits.",
               "Wait in each step: `t.join(0.1)`, `stop.wait(0.1)`, or a nap of 10 ms or "
               "more between two looks.",
               "Notebook 03, `fixed-sigterm`: `while t.is_alive(): t.join(0.1)`.")),
    ),
    lab_cell="Notebook 03, the `fixed-sigterm` variant (`sets_shutdown`)",
    ended_hints=(
        "Your run() never returned: the stop never reached the workers, or your main "
        "thread never woke up to run the handler (an untimed wait: `t.join()`, "
        "`stop.wait()`, `signal.pause()`).",
        "Wait in timed steps so that the main thread can run the handler: "
        "`while t.is_alive(): t.join(0.1)`.",
        "Notebook 03, `sets_shutdown`."),
    moment_hints=(
        "The check never saw your main thread wait for the workers: it sends SIGTERM "
        "only during a look at a worker or at the stop (`join`, `is_alive`, "
        "`stop.wait(timeout)`, `stop.is_set()`).",
        "After `start_workers(stop)`, wait for each worker: `while t.is_alive(): t.join(0.1)`.",
        "Notebook 03, `fixed-sigterm`."),
    killed_hints=(("SIGTERM", (
        "SIGTERM's default action ended your process: no handler of yours was installed "
        "when the check sent it (it can come while `start_workers` runs).",
        "Install the handler first, then start the workers: "
        "`signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())`, then "
        "`start_workers(stop)`.",
        "Notebook 03, `sets_shutdown`: a handler that only sets an Event.")),),
    fast_clock=True,  # naps on an Event of your own pass at once in the quiet minute, as sleeps do
)


# ---------------------------------------------------------------- stop one worker by name

ITEMS = 3
STOP_ONE_MODES = {
    # names, the one to stop, the noise before its command
    "plain": (("worker-1", "worker-2", "worker-3"), "worker-2", ()),
    "noise": (("alpha", "beta", "gamma", "delta"), "gamma",
              ("stop nobody", "pause beta", "hello", "status alpha", "stop",
               "stopwatch alpha", "quitter",  # verbs that only begin like the two
               "STOP alpha", "Stop beta", "stop ALPHA", "stop lta", "stop alp", "stop beta now",
               "QUIT", "Quit",  # not "stop NAME" nor "quit": the case, a suffix, a prefix, a word more
               "kill beta", "halt alpha", "stop:beta", "stop-alpha",  # other verbs, no space
               "exit", "quit now", "quit alpha", "quit.",  # other ways out: not "quit"
               "stop now alpha",  # a name, but as the last of three words
               "stop alpha beta", "",  # two names; an empty line (ninth hostile reading)
               # no name of "all" workers, no other ways out, nothing stuck to a name
               # (twelfth hostile reading: each passed every grading, never sent)
               "stop all", "stop *", "q", "bye", "quit!", "stop alpha!", "stop beta,",
               # part of the verb, a line that ends in quit (thirteenth hostile
               # reading: `verb in ("stop")` is a substring test). Not quotes around a
               # name: `shlex.split()`, an allowed way to read a line, takes them off
               "top alpha", "st beta", "s alpha", "please quit",
               # a name alone, words before a whole command (thirty-first session's
               # hostile round: line.removeprefix("stop ") and re.search(r"stop (\S+)$")
               # passed every grading)
               "beta", "please stop alpha", "nonstop beta")),
    # (no other spacing: the statement says the check writes one space between words
    # and none around them; it said "whatever the spaces" until the sixteenth session,
    # which the check never sent and the reference's partition(" ") did not meet:
    # tenth hostile reading)
    "substring": (("worker-1", "worker-10", "worker-11"), "worker-10",
                  ("stop worker-111", "stop worker",  # a name longer, then shorter
                   # near names: without the dash, with a dot, a worker's number
                   # (tenth hostile reading: each stopped a worker, and passed)
                   "stop worker11", "stop worker-1.", "stop 3",
                   "stop worker-01")),  # a zero more (thirteenth hostile reading)
    "twice": (("db", "pool", "cache"), "pool", ()),  # "stop pool".lstrip("stop ") is "l"
    "quiet": (("worker-1", "worker-2", "worker-10"), "worker-1", ("stop worker-100",)),
    # two workers, one after the other; names in capitals, with _ and . (a hostile
    # round, twenty-fourth session: a control that took only [a-z0-9-]+ as a name
    # passed every grading)
    "two": (("Red_1", "green", "blue.2"), ("Red_1", "blue.2"), ()),
    "all": (("north", "south"), ("north", "south"), ()),  # every worker: quit still ends it
}
STOP_ONE_QUIET_S = 2.0  # quiet: no command for this long before "quit" (the grader's time;
                        # until the twenty-sixth session 6 s in a check's first quiet run, for
                        # idle timeouts on control's own clocks, which FAST_QUIET_S passes now)
FAST_QUIET_S = 60.0     # ... and this much of control's get() timeouts pass at once
LULL_S = 0.2            # a lull (no command, before the first one and after stops taken):
                        # at most this long, a minute of control's timeouts passing at once
LULL_MODES = ("quiet", "two", "all")  # the runs with lulls
SPIN_LOOKS = 200        # quiet, then: this many looks at commands in a row that do not wait,
                        # no wait of its own between (SPIN_WAIT_S or more), is a spin.
                        # Measured (thirty-third session): a get_nowait() loop makes 1,500
                        # to 20,000 looks a second, beside 5 busy processes too
SPIN_WAIT_S = 0.001     # ... a wait at least this long ends a run of looks
SPIN_CPU_S = 0.1        # ... and so is this much CPU time of a thread that looks, with no
                        # such wait (a busy wait between looks: 25 ms of it between looks
                        # passed, 200 looks taking 5 s; hostile round, thirty-fourth session)
SPIN_WATCH_S = 2.0      # ... watched for at most this long (a nap of its own that lasts
                        # longer: no look to count, no spin)


def _commands(rep, n):
    """The commands queue: lost-task's GQueue, whose fast clock (GQueue.fast)
    runs for control in a quiet period: control's get() timeouts pass at once,
    so a minute of them costs milliseconds, and a control that returns after
    N seconds of get() timeouts is caught whatever N up to a minute."""
    from labs.practice.ex_lost_task import GQueue
    q = GQueue(n, "commands")
    q.fast = FastClock(looks=None)  # the quiet period is timed: get_nowait() and naps stay fast
    return rep.add(q)


class GStops(GObject):
    """``stops``: a read-only mapping of worker names to the grader's
    Events, built in the learner's process (labs.practice.wire.Stops)."""
    kind = "Stops"

    def __init__(self, rep, events: dict):
        super().__init__(rep, "stops")
        self.events = events

    def ref(self):
        return {"$": self.id, "kind": "Stops",
                "events": [[name, ev.ref()] for name, ev in self.events.items()]}


def _watch_spin(rep, q, waits_obj) -> dict:
    """Once the quiet period is over (its fast clock too), the looks at
    ``commands`` and at the workers' Events of each thread of the learner's
    and its own timed waits, in the ledger's order. A wait ends a row of
    looks: a ``get`` of SPIN_WAIT_S or more (or untimed), a ``wait`` that
    long on a worker's Event not set (a set one's returns at once: its
    ``note["wait"]`` is 0), a wait of its own that long, told (GWaits).
    Every live thread that looked before the watch is read too. The watch
    ends once a thread made SPIN_LOOKS looks in a row that did not wait, or
    used SPIN_CPU_S of CPU with no such wait (a busy wait between looks:
    ``busy_now``); or once each thread that
    looked made a whole row (from one wait to the next: a row begun before
    the watch counts only as far as it goes) and control did, or waits in
    a get with no timeout; or SPIN_WATCH_S passed (the grader's time); or
    control returned. A loop that looks again at once spins a CPU: the
    kernel's CPU share could not tell it from a 1 ms poller under load
    (thirty-third session: 13% to 78% beside 5 busy processes, 110% to 184%
    on a quiet machine; a 1 ms poller at most 40%), but its calls in a row
    can. Until the hostile round of the same session the watch ended at the
    first wait (rows of 200 to 215 looks passed, the watch begun mid-row),
    and read control's thread only (a helper that spun on ``empty()``
    passed). A wait that no call tells (a read of a pipe of its own) ends
    no row."""
    a, control = rep.arena, rep.tid_of("control")
    since = a.seq
    rows: dict = {}  # tid -> [looks in a row now, the longest, waits seen]
    names: dict = {}  # tid -> its thread's name, as its connection gave it
    waits_id = waits_obj.id

    def watched(r) -> bool:  # a call on commands, a worker's Event, or a told wait
        return r.obj in (q.id, waits_id) or r.kind == "Event"
    with a.cond:  # each thread of yours alive that looked before: it makes a whole row too
        # (else, none having looked since the watch began, it ended at once: a helper
        # that spun on qsize() or is_set() while control waited untimed passed, hostile
        # round, thirty-fourth session)
        for r in rep.ledger():
            if (r.tid not in rows and watched(r) and r.obj != waits_id  # (a look)
                    and procfs.thread_state(rep.session.pid, r.tid) is not None):
                rows[r.tid], names[r.tid] = [0, 0, 0], r.who
    seen = {"pos": rep.first}
    rested: set = set()  # the threads that waited since busy_now() last looked
    base: dict = {}  # tid -> its CPU time (ns) then, or at the watch's start
    busy: dict = {}  # tid -> CPU seconds it used with no wait

    def waits(r) -> bool:  # (a worker's Event: stops[name].wait(t), unless it is set)
        wait = r.note.get("wait", 0.0)
        return ((r.obj == waits_id or r.op in ("get", "wait"))
                and (wait is None or wait >= SPIN_WAIT_S))

    def read() -> None:
        """(under the monitor) the records since the last read."""
        ledger = a.ledger
        for r in ledger[seen["pos"]:]:
            if r.seq <= since or not watched(r):
                continue
            row = rows.setdefault(r.tid, [0, 0, 0])
            names[r.tid] = r.who
            if waits(r):
                row[0], row[2] = 0, row[2] + 1
                rested.add(r.tid)
            elif r.obj != waits_id:  # a look at commands or at a worker's Event that does
                # not wait (a wait shorter than that: none; a helper that spun on is_set()
                # while control waited untimed passed, hostile round, thirty-fourth session)
                row[0] += 1
                row[1] = max(row[1], row[0])
        seen["pos"] = len(ledger)

    def parked_untimed() -> bool:
        return any(r.tid == control and r.obj == q.id and r.op == "get"
                   and r.note.get("wait", 0.0) is None for r in a.current.values())

    def busy_now() -> bool:
        """(under the monitor) A thread that looks has used SPIN_CPU_S of CPU
        since the watch began or its last wait read before now (its CPU
        time, the kernel's: exact whatever the load)."""
        for tid in rows:
            cpu = (procfs.schedstat(rep.session.pid, tid) or (None,))[0]
            if cpu is None:
                continue
            if tid in rested or tid not in base:
                base[tid] = cpu
            elif cpu - base[tid] >= SPIN_CPU_S * 1e9:
                busy[tid] = (cpu - base[tid]) / 1e9
        rested.clear()
        return bool(busy)

    def over():
        read()
        if rep.ended("control") or bool(a.anomalies) or a.child_gone:
            return True
        if any(row[1] >= SPIN_LOOKS for row in rows.values()) or busy_now():
            return True
        whole = all(row[2] >= 2 for tid, row in rows.items() if tid != control)
        mine = rows.get(control, [0, 0, 0])[2] >= 2 or parked_untimed()
        return whole and mine
    t0 = time.monotonic()
    a.wait_for(over, SPIN_WATCH_S)  # ended by what the threads do; the bound is the grader's
    rep.hold(time.monotonic() - t0)
    with a.cond:
        read()
        tid, row = max(rows.items(), key=lambda kv: kv[1][1], default=(control, [0, 0, 0]))
        hot, cpu = max(busy.items(), key=lambda kv: kv[1], default=(None, None))
    return {"looks_in_a_row": row[1], "waited": row[2] > 0,
            "thread": None if tid == control else names.get(tid, "?"),
            "busy_s": cpu, "busy_thread": None if hot in (None, control) else names.get(hot, "?")}


def stop_one_scenario(rep):
    """``control(commands, stops)`` runs in a thread of the child. The
    grader's workers each hold their first item; once control waits for a
    command, the grader puts the mode's noise and "stop NAME" (``twice``:
    two times), and waits until NAME's Event is set or control waits again;
    then the workers go on (a worker whose Event is set stops after the
    item in hand, the others do all their items). In ``quiet``, ``two``
    and ``all`` a lull comes before the first command and once the stops are
    taken (``lull``: a minute of control's clocks passes at once). Then
    "stop nobody", and once control waits again (``quiet``, when its wait
    could time out: a
    quiet period, a minute of its get() timeouts let pass at once and 2 s of
    the clock: the child's ``time``
    clocks move on with those timeouts, and its ``time.sleep`` returns at
    once meanwhile, wire.Clock; when it waits untimed, its clocks are pushed
    a minute on at once, Rep.push_clock, which ends an idle Timer of its
    own), "quit"."""
    n, mode = rep.n, rep.mode
    names_, targets, noise = STOP_ONE_MODES[mode]
    targets = targets if isinstance(targets, tuple) else (targets,)
    q = _commands(rep, n)
    events = {name: rep.add(GEvent(n, f"stop:{name}")) for name in names_}
    stops = rep.add(GStops(n, events))
    waits = None
    if mode == "quiet":  # its own timed waits told, in order with its looks (_watch_spin)
        waits = rep.waits_to = rep.add(GWaits(n))
    rep.spawn("control", "control", q, stops)
    rep.go()
    a = rep.arena
    facts = {"targets": list(targets), "names": list(names_)}

    def quiet(since):
        return (rep.ended("control") or ("control" in q.waiting and not q.items)
                or q.empties.get("control", 0) > since)

    def push() -> None:
        """Control's clocks a minute on (Rep.push_clock): a nap of its own
        between looks ends now, and an idle timeout of up to a minute comes.
        The push waits for its process to rest, but not once control's own
        thread has looked at ``commands`` SPIN_LOOKS times since, or used
        SPIN_CPU_S of CPU: a control that looks again and again, or works
        between looks, never rests (until the thirty-fourth session a
        get_nowait() spinner's check took a minute, each push waiting 1 s for
        a rest). Only control's: a helper thread's burst of looks, then an
        idle wait begun after the push it hastened, passed every grading
        (second hostile round of that session); skipping the push when
        control looked first let an idle timeout checked after a 1 ms nap
        pass (the first)."""
        pid, tid = rep.session.pid, rep.tid_of("control")

        def mine() -> tuple[int, int]:  # control's looks at commands, its CPU time (ns)
            with a.cond:
                looks = sum(r.tid == tid for r in a.of(q))
            return looks, (procfs.schedstat(pid, tid) or (0,))[0]
        looks, cpu = mine()

        def restless() -> bool:
            now = mine()
            return now[0] - looks >= SPIN_LOOKS or now[1] - cpu >= SPIN_CPU_S * 1e9
        rep.push_clock(FAST_QUIET_S, restless=restless)

    def put(*lines):
        with a.cond:
            for line in lines:
                q.put_now(line)
            seq = a.seq
            napping = not rep.ended("control") and "control" not in q.waiting
        if napping:
            # control is not in a get(): in a nap of its own between looks, say.
            # The check does not time how soon it takes a command: its clocks move
            # on a minute at once, so that nap ends now (a look every second took
            # two of them per command, and a run of five commands outlasted its
            # budget: a right answer failed, twenty-fifth session's round)
            push()
        return seq

    def seen(predicate, what) -> bool:
        """rep.until(predicate), but where control naps between looks (at
        rest, in no get()), its clocks move on a minute at once, so that its
        next look comes now: the check does not time how often it looks (a
        look every 2 s outlasted a run's budget, a right answer; twenty-
        fifth session's round). A get() of its own waits as it says."""
        pid, pushed_at = rep.session.pid, -1
        while (pid is not None and not predicate() and rep.left() > 0 and not a.anomalies
               and not rep.reports.ended() and not a.child_gone):
            looks = len(a.of(q, who="control"))  # one push per nap: after a look at the queue
            if (looks != pushed_at and not rep.ended("control") and "control" not in q.waiting
                    and rep.at_rest(pid, reads=2) is not None):
                pushed_at = looks
                rep.push_clock(FAST_QUIET_S)
            a.wait_for(predicate, 0.005)
        return rep.until(predicate, what)

    def lull() -> None:
        """No command for a minute of control's clocks, at once: its get()
        timeouts pass at once (and its clocks move on with them, its naps pass
        at once: wire.Clock) until they add up to a minute, LULL_S at most;
        if they did not (a get() with no timeout, naps of its own between
        looks), its clocks are pushed a minute on (Rep.push_clock). The
        grader's time. An idle timeout of up to a minute, kept before the
        first command, after a stop it obeyed or once every worker is stopped,
        comes now (hostile round, twenty-sixth session: four such passed every
        grading, the quiet period coming only after "stop nobody")."""
        if mode not in LULL_MODES or rep.ended("control"):
            return
        t0 = time.monotonic()
        with a.cond:
            q.set_fast({"control": FAST_QUIET_S})
        a.wait_for(lambda: rep.ended("control") or bool(a.anomalies) or q.fast.spent("control")
                   or ("control" in q.waiting and q.waiting["control"] is None), LULL_S)
        with a.cond:
            pushed = not rep.ended("control") and not q.fast.spent("control")
            q.set_fast({})
        rep.hold(time.monotonic() - t0)
        if pushed:  # a get() with no timeout, or a nap of its own between looks
            push()

    reached = seen(lambda: quiet(0), "control waiting for a command")
    if reached:
        lull()
    sent = {}
    if reached and not rep.ended("control"):
        for i, target in enumerate(targets):  # ``two``: the second once the first is taken
            commands = ((list(noise) if i == 0 else [])
                        + [f"stop {target}"] * (2 if mode == "twice" else 1))
            sent["stop"] = put(*commands)
            since = q.empties.get("control", 0)
            if not seen(lambda: events[target].flag or (quiet(since) and not q.items),
                        f"control taking \"stop {target}\""):
                break
    with a.cond:  # the workers go on from here: a worker stopped now did one item
        released = a.seq
        items = {name: 1 if ev.flag else ITEMS for name, ev in events.items()}
    if "stop" in sent and not rep.ended("control"):
        lull()
    if "stop" in sent and not rep.ended("control"):
        since = q.empties.get("control", 0)
        sent["nobody"] = put("stop nobody")
        # (a control that returned meanwhile, as the last stop came: "stop nobody" stays queued)
        seen(lambda: rep.ended("control") or (quiet(since) and not q.items),
             "control waiting after \"stop nobody\"")
        if mode == "quiet" and not rep.ended("control") and q.waiting.get("control", 0) is not None:
            # a timed wait could time out: a quiet period, FAST_QUIET_S of control's
            # get() timeouts at once (and of its clocks: an idle timeout on them
            # comes now), and STOP_ONE_QUIET_S of real time, for a clock outside
            # `time`'s. An untimed get() cannot end without a command: no time
            # needs to pass for it (the reference's check stays fast).
            quiet_s = STOP_ONE_QUIET_S
            with a.cond:
                q.set_fast({"control": FAST_QUIET_S})
            rep.hold(quiet_s)
            a.wait_for(lambda: rep.ended("control") or bool(a.anomalies), quiet_s)
            with a.cond:
                q.set_fast({})
        elif mode == "quiet" and not rep.ended("control"):
            # An untimed get() cannot time out, but a wait of the learner's own
            # beside it can (an idle threading.Timer): the learner's clocks are
            # pushed FAST_QUIET_S on at once, and the process settles (milliseconds)
            rep.push_clock(FAST_QUIET_S)
        if mode == "quiet" and not rep.ended("control"):
            facts["spin"] = _watch_spin(rep, q, waits)
        if not rep.ended("control"):
            sent["quit"] = put("quit")
    facts.update(rep.finish())
    # control's operations on the queue: what it took, and what it did once it had
    # taken "quit" (nothing: it returns)
    mine = a.of(q, who="control")
    taken = [r.value for r in mine if r.op == "get" and r.ok]
    quit_at = next((i for i, r in enumerate(mine) if r.op == "get" and r.ok and r.value == "quit"),
                   None)
    calls = rep.calls_of("control")
    ended = calls[-1]["end"] if calls and calls[-1]["end"] is not None else None
    facts.update(
        items=items, released=released,
        targets_set=[t for t in targets
                     if events[t].set_at is not None and events[t].set_at <= released],
        others_set=[name for name, ev in events.items() if name not in targets and ev.flag],
        early_return=(ended is not None and "quit" not in sent),
        after_quit=[] if quit_at is None else [f"{r.op}()" for r in mine[quit_at + 1:]],
        taken=len([x for x in taken if x is not None]),
        last_taken=taken[-1] if taken else None,
        # its last operation on the queue took a command (not an Empty, a look)
        quiet_after_last=not (mine and mine[-1].op == "get" and mine[-1].ok))
    return facts


def _waits_for_commands(f):
    if f["mode"] != "quiet":
        return True, "no quiet period in this run"
    spin = f.get("spin")
    if spin is None:
        return False, "not measured: control had returned before the quiet period ended"
    k = spin["looks_in_a_row"]
    if spin.get("busy_s"):
        who = (f" (your thread {spin['busy_thread']!r}, not control's own)"
               if spin.get("busy_thread") else "")
        return False, (f"{spin['busy_s'] * 1000:.0f} ms of CPU used between looks at `commands` "
                       f"or the workers' Events, with no wait of {SPIN_WAIT_S * 1000:g} ms or "
                       f"more (a busy wait){who}")
    if k >= SPIN_LOOKS:
        who = f" (your thread {spin['thread']!r}, not control's own)" if spin.get("thread") else ""
        return False, (f"{k} looks at `commands` or the workers' Events in a row that did "
                       f"not wait, with no wait "
                       f"of {SPIN_WAIT_S * 1000:g} ms or more between them{who}")
    return True, (f"at most {k} looks in a row, a wait ending each" if spin["waited"] else
                  f"at most {k} looks in a row in the {SPIN_WATCH_S:g} s watched")


def _target_stopped(f):
    for t in f["targets"]:
        k = f["items"][t]
        if k != 1 or t not in f["targets_set"]:
            return False, f"{t} did {k} items: \"stop {t}\" never set its Event"
    its = "its" if len(f["targets"]) == 1 else "their"
    return True, f"{' and '.join(f['targets'])} finished {its} item, then stopped"


def _others_done(f):
    wrong = f["others_set"]
    if wrong:
        return False, (f"{names(wrong)} stopped too (the command named "
                       f"{' and '.join(f['targets'])}; workers: {', '.join(f['names'])})")
    short = [n for n, k in f["items"].items() if n not in f["targets"] and k != ITEMS]
    return not short, f"{ITEMS} items each" if not short else f"{names(short)} did not finish"


def _until_quit(f):
    if f["early_return"]:
        last = f.get("last_taken")
        if f.get("quiet_after_last") is False and last == "quit":
            return False, ("control returned on a \"quit\" your own code put on the queue, "
                           "before the check's: only the check's commands count")
        if f.get("quiet_after_last") is False and isinstance(last, str):
            return False, (f"control returned on {last!r}, before \"quit\": only \"quit\" "
                           "ends it (any other command is ignored)")
        return False, (f"control returned before \"quit\" (after {f['taken']} command(s)): "
                       "an empty or quiet queue is not a reason to return")
    if f.get("after_quit"):
        return False, (f"control went on with the commands after \"quit\" "
                       f"({', '.join(f['after_quit'][:3])}): return on it")
    return True, "until \"quit\""


STOP_ONE = Exercise(
    id="signal-target/stop-one",
    lab="signal-target",
    title="Stop one named worker, without signals",
    statement=(
        "Write `control(commands, stops)`, a control loop that reads `commands` itself (in "
        "the thread that called it: the check sends a command once it sees that thread "
        "wait for one). `commands` is a `queue.Queue` "
        "of text lines (`get`, `get(timeout=...)`, `get_nowait`, `empty`, `qsize`); "
        "`stops` is a read-only mapping (`in`, `stops[name]`, `get`, iteration, `items()`) "
        "from each worker's name to its own Event (`set`, `is_set`, `wait`), which that "
        "worker checks between items. On `\"stop NAME\"`, set that worker's Event (the "
        "whole name, in its case: `worker-1` is not `worker-10`, nor `WORKER-1`; the verb "
        "in lower case, and nothing after the name; the check writes one space between "
        "words and none around them, so `line.split()` and `line.partition(\" \")` read a "
        "command alike); ignore a name that is not in `stops` "
        "and any other command (`\"QUIT\"`, `\"exit\"`, `\"quit now\"`, an empty line "
        "too); keep waiting "
        "while no command comes; "
        "return on "
        "`\"quit\"`. Useful imports: `threading`, `queue`, `time`, `logging`.\n\n"
        "The check's workers are its own, with names that change from run to run; each "
        "holds an item when the command comes. The check sends `\"stop NAME\"` for one "
        "of them (sometimes twice, sometimes after other verbs and unknown names; in some "
        "runs for two of them, or for every one, each once the one before is taken), then "
        "`\"stop nobody\"`, sometimes a quiet period, then `\"quit\"`; in the runs with "
        "a quiet period, and in those that stop two or every worker, a lull also comes "
        "before the first command and once the stops are taken. In a lull or a quiet "
        "period a `get` with a timeout times out at once until its timeouts add up to a "
        "minute (the clocks of `time` move on by as much, and `time.sleep`, a timed wait "
        "on an Event or Condition, as in `threading.Timer`, a timed `join` and a timed "
        "`acquire` of a `threading.Lock` or `RLock` return at once while the lull or the "
        "quiet period lasts, the clocks moving on by their length); "
        "a quiet period then lasts 2 s; when `control` waits without a timeout, or, in a "
        "lull, did not time out a minute of `get`s, the clocks of `time` move on by a "
        "minute at once, and the timed waits above end if that passed their deadline. The check does not time how "
        "soon `control` takes a command: while it waits for one other than in a `get` (a "
        "nap of its own between looks at the queue), its clocks move on by a minute at "
        "once, and that nap ends. Each named "
        "worker must finish its item and stop; no other Event may be set; `control` must "
        "not spin while no command comes (after a quiet period, 200 looks at `commands` "
        "or at the workers' Events in a row that do not wait 1 ms or more, with no wait "
        "of 1 ms or more between them, fail, in any thread of yours, and so do "
        f"{SPIN_CPU_S * 1000:g} ms of CPU time used by such a thread with no such wait (a busy "
        "wait between looks): a `get` with no timeout or one of 1 ms or more, a nap, a timed "
        "wait of your own that waits, each end such a row); "
        "`control` must not return before `\"quit\"`, and must return on it."),
    functions=("control",),
    signatures=(("commands", "stops"),),
    skeleton=(
        "def control(commands, stops):\n"
        "    while True:\n"
        "        line = commands.get()\n"
        "        verb, _, name = line.partition(\" \")\n"
        "        if verb == \"stop\":\n"
        "            stops[name].set()\n"),
    modes=tuple(STOP_ONE_MODES),
    scenario=stop_one_scenario,
    fast_clock=True,  # a threading.Timer's idle timeout sees the quiet period's minute
    # not signal: no control loop needs it (signal.alarm, an idle timeout that ends
    # the process, follows the check's clock since the twenty-first session)
    modules=tuple(m for m in COMMON_MODULES if m != "signal"),
    budget_s=3.0,
    checks=(
        Check("control() returned only on \"quit\"", "until \"quit\"", _until_quit,
              ("control() returned although \"quit\" never came.",
               "Wait with `commands.get()` (or `get(timeout=...)` in a loop that goes on "
               "after `queue.Empty`); return only on \"quit\".",
               "Notebook 03, `MainLoop.serve`.")),
        Check("the named worker stopped after the item in hand", "it finished its item, "
              "then stopped", _target_stopped,
              ("The worker named in the command was not stopped by it.",
               "Split the line: `verb, _, name = line.partition(\" \")`; on \"stop\", "
               "`stops[name].set()` for that exact name.",
               "Notebook 03, `MainLoop.command`.")),
        Check("no other worker stopped", f"{ITEMS} items each", _others_done,
              ("Only the worker named in the command may stop.",
               "Compare the whole name (`name in stops`), never a part of the line; ignore "
               "other verbs and unknown names.",
               "Notebook 03, `MainLoop.command`.")),
        Check("waits while no command comes", "no spin", _waits_for_commands,
              ("Your control() spins while no command comes: it looks at the queue (or a "
               "worker's Event) again at once, or keeps a CPU busy between looks.",
               "Wait in `commands.get()` (or `get(timeout=...)` in a loop), not in "
               "`get_nowait()` with no pause, nor in a busy loop on a clock.",
               "Notebook 03, `MainLoop.serve`.")),
    ),
    lab_cell="Notebook 03, the `fixed` variant (`MainLoop.command`)",
    ended_hints=(
        "Your control() never returned: it does not return on \"quit\", or never got it "
        "(the check sends commands once it sees control() itself wait on `commands`).",
        "`if line == \"quit\": return`.",
        "Notebook 03, `MainLoop.serve`."),
    moment_hints=(
        "The check never saw your control() wait for a command, or take \"stop NAME\".",
        "Take commands with `commands.get()` in a loop.",
        "Notebook 03, `MainLoop.serve`."),
)

EXERCISES = [SIGTERM, STOP_ONE]
