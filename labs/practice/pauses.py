"""Stop a thread as it pauses after a look at its stop.

Runs in the PARENT (the grader). A statement that says "look at `stop`
before every get" (or every transfer) is broken by code that looks, then
pauses -- naps, blocks on a pipe, computes -- and only then takes: a stop
that comes during the pause is missed. No fixed moment finds that pause;
``StopAtPause`` watches one thread of the learner's process and sets the
stop in it, from what the kernel shows (``labs.child.procfs``) and from
the order of the operations on the check's objects (``labs.practice.arena``).
"""
from __future__ import annotations

import threading
import time

from labs.child import procfs
from labs.practice.arena import GNap, GObject, Raise, _timeout

PAUSE_SAMPLE_S = 0.0005  # how often the watched thread is looked at
# a busy pause: this much CPU between the look and the next take. 5 ms until the
# twenty-eighth session, when a consumer that paces 20 ms by the wall clock after
# its look got less than that in its 20 ms, under make test's own load, twice in a
# day (its share of a CPU fell below a quarter); a right answer uses a few tenths
# of a millisecond there (the end of one call to the grader, the start of the next)
PAUSE_CPU_S = 0.002


class LookNap(GNap):
    """``time.sleep`` of the learner's threads in a run a StopAtPause
    watches (the run's ``run_nap``: wire.Clock sends a nap here, but one a
    fast period passes at once): it waits in the grader as GNap's does, and
    StopAtPause sees it begin (``on_nap``, under the monitor), however short
    it is. The sampler alone missed a 20 ms nap after a look on a loaded
    machine (timeout-consumer's wrong_empty_then_sleep_then_get passed 3
    gradings in 20 of ``repeat_practice.py --load --jobs 3``: thirtieth
    session). A run's own: where the explorer drives the run, its naps go to
    the check's GNap instead (``Rep.sleeps_to``), which StopAtPause watches
    the same way."""

    def __init__(self, rep_n: int):
        GObject.__init__(self, rep_n, "time")  # a run's (GNap's is the check's)
        self.on_nap = None


class StopAtPause:
    """Sets ``stop`` as ``who`` pauses after a look at it that said no: its
    last look at the stop (``is_set()``, or a ``wait()`` that timed out)
    came after its last take (an operation on ``takes`` that ``took``: a
    consumer's ``get`` or ``get_nowait`` that took a task, one told Empty
    took nothing; a worker's ``debit``, the transfer it begins;
    other calls between, ``qsize()`` or ``empty()``, do not count), and then

    - its thread naps -- in a wait of its own, as the kernel shows it
      (``procfs.naps``: any sleep, or a futex wait that is not a wait for
      the GIL), or in ``time.sleep`` (a nap in the grader while the explorer
      drives the run, ``arena.GNap``; or the run's ``LookNap``, whose naps are
      seen as they begin, not sampled), or in a read or write on a descriptor
      of its own that is no socket, or the open of a FIFO
      (``procfs.blocked_in_io_no_socket``; a read on a socket of its own cannot be
      told from a wait for the grader's reply).
      A thread of the grader's looks every PAUSE_SAMPLE_S until ``stop()``:
      each look and nap is one more chance, so a nap of 50 ms is caught on
      every grading; one of a few milliseconds may be missed (ninth hostile
      reading, fifteenth session: a ``qsize()`` between the look and the nap
      and ten 4 ms sleeps passed). A thread of its own, not the scenario's:
      the explorer makes its choices only while the scenario waits;
    - or it runs: its next take arrives (``takes.before_take``) with
      PAUSE_CPU_S of CPU used since that look (a busy pause; a take that took
      nothing does not end it). Counted as the look answers and as the
      take arrives, each time with the thread blocked for the grader's reply
      (``procfs.cpu_when_blocked``): the kernel's count is exact then, and
      the time the thread waited for a CPU is not in it. The stop is set as
      if just before that take. Until the eighteenth session a sampler
      counted it as it ran, and the kernel adds a running thread's CPU only
      at its ticks: 20 ms of busy work after the look passed one grading
      under a loaded ``make test``.

    A consumer that looks, pauses, then takes a task has its next ``get()``
    begin after the stop; a right one takes its task right after its look
    (no pause between) or naps before it looks. A nap on ``stop.wait(t)`` is
    a look that waits: the stop is set during it too (one that ignores the
    True it returns takes a task after its stop). (lost-task/consumer's
    ``pause`` run since the fourteenth session; lock-leak/stop-worker's
    and blocking-io/timeout-consumer's since the nineteenth.)"""

    def __init__(self, rep, stop, who, takes, took, on_set=None, since: int = 0,
                 parked_waits: bool = True):
        self.rep, self.stop_, self.who = rep, stop, who
        self.takes_id, self.took = takes.id, took
        # a nap counts after a look made at or after ``since`` (a ledger seq)
        # only, and a parked stop.wait(t) only with ``parked_waits``: a scenario
        # that sets the stop at the worst moment too (timeout-consumer's idle run:
        # the start of the longest wait) must not set it late in a nap that
        # began before it watched, nor during a wait it would set it after
        self.since, self.parked_waits = since, parked_waits
        # how the stop is set (under the monitor): ``stop.set_now`` unless the
        # scenario does more with it (timeout-consumer's late job: ``on_set``)
        self.set_stop = on_set or stop.set_now
        self.look = None  # (who's last look that said no, its thread's CPU ns then)
        self.over = threading.Event()
        stop.on_look, takes.before_take = self._looked, self._takes
        if parked_waits:
            stop.on_wait = self._waits
        # the run's time.sleep, seen as it begins: the run's LookNap, or the
        # explorer's GNap where it drives the run (a sleep(0) after the look
        # passed every pause run of lost-task/consumer, whose runs are all
        # explored: hostile round, thirty-second session)
        self.naps = rep.sleeps_to if isinstance(rep.sleeps_to, GNap) else None
        if self.naps is not None:
            self.naps.on_nap = self._napping
        self.thread = threading.Thread(target=self._watch, name="pause-watch", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.over.set()
        self.thread.join()
        with self.rep.arena.cond:
            self.stop_.on_look = self.stop_.on_wait = None
            self.rep.arena.objects[self.takes_id].before_take = None
            if self.naps is not None:
                self.naps.on_nap = None

    def _watch(self) -> None:
        rep, a = self.rep, self.rep.arena
        while not self.over.is_set() and not rep.session.gone and not a.child_gone:
            with a.cond:
                if self.stop_.flag or rep.ended(self.who) or a.anomalies:
                    return
                tid = rep.tid_of(self.who)
                if tid is not None and self._naps_after_look(tid):
                    self.set_stop()
                    return
            time.sleep(PAUSE_SAMPLE_S)  # a sampling period, not a wait for anything

    def _waits(self, rec, timeout) -> None:
        """(stop.on_wait, under the monitor) ``who`` begins a ``stop.wait()``
        with a timeout above 0: a look that waits, so the stop comes in it (it
        returns True) however soon the wait would end: where a fast clock
        passes it at once, no sampler ever sees it parked (hostile round,
        twenty-fourth session: a worker that paced on ``stop.wait(0.01)`` and
        ignored its True passed 3 gradings in 5 of stop-worker)."""
        if rec.who == self.who and timeout and rec.seq >= self.since \
                and not self.stop_.flag and not self.over.is_set():
            self.set_stop()

    def _napping(self, rec) -> None:
        """(LookNap.on_nap, under the monitor) ``who`` begins a ``time.sleep``:
        after a look that said no (its last look or take), the stop comes in
        the nap."""
        if rec.who == self.who and not self.stop_.flag and not self.over.is_set() \
                and self.rep.arena.rep_n == self.rep.n and self._said_no_last(rec.tid):
            self.set_stop()

    def _said_no_last(self, tid) -> bool:
        """The thread's last look at the stop, or take, was a look that said
        no, made at or after ``since``."""
        a = self.rep.arena
        last = next((r for r in reversed(a.ledger) if r.tid == tid and (
            (r.obj == self.stop_.id and r.op in ("is_set", "wait"))
            or (r.obj == self.takes_id and self.took(r)))), None)
        return said_no(last, self.stop_) and last.seq >= self.since

    def _looked(self, rec, said) -> None:
        """(stop.on_look, under the monitor) A look of ``who``'s that said no."""
        pid = self.rep.session.pid
        if rec.who == self.who and not said and pid is not None and not self.over.is_set():
            self.look = (rec, procfs.cpu_when_blocked(pid, rec.tid))

    def _takes(self, rec) -> None:
        """(takes.before_take, under the monitor) ``who``'s take arrives:
        after a busy pause since its last look that said no, or after a
        timed ``get`` told Empty with no look since (``_retries``), the stop
        is set as if just before it."""
        if rec.who != self.who:
            return
        if not self.stop_.flag and not self.over.is_set() and self._retries(rec):
            self.set_stop(before=rec, why=f"(as {self.who} began a get after a timed one "
                          "told Empty, with no look at its stop since)")
            return
        look = self.look  # (kept until its next look: a take may take nothing)
        pid = self.rep.session.pid
        if look is None or look[1] is None or pid is None or self.stop_.flag \
                or self.over.is_set():
            return
        cpu = procfs.cpu_when_blocked(pid, rec.tid)
        if cpu is not None and cpu - look[1] >= PAUSE_CPU_S * 1e9:
            self.set_stop(before=rec, why=f"(as {self.who} ran "
                           f"{(cpu - look[1]) / 1e6:.0f} ms of CPU after its look)")

    def _retries(self, rec) -> bool:
        """``rec``, a take arriving, comes after a timed ``get`` of its
        thread's that was told Empty, with no look at the stop since: that
        wait was a pause after the look (hostile round, thirty-second
        session: a consumer that looked once, then retried
        ``get(timeout=0.05)`` until a task came, passed every grading). A
        ``get_nowait()`` told Empty is no pause: a look at the queue."""
        a = self.rep.arena
        prev = next((r for r in reversed(a.ledger) if r.tid == rec.tid and r.seq < rec.seq and (
            (r.obj == self.stop_.id and r.op in ("is_set", "wait"))
            or (r.obj == self.takes_id and r.op == "get"))), None)
        return prev is not None and prev.obj == self.takes_id and prev.seq >= self.since \
            and timed_empty(prev)

    def _naps_after_look(self, tid) -> bool:
        a, pid = self.rep.arena, self.rep.session.pid
        now = [r for r in a.current.values() if r.tid == tid]
        if self.parked_waits and any(r.obj == self.stop_.id and r.op == "wait"
                                     and r.parked is not None for r in now):
            return True  # a look that waits (a nap on stop.wait(t)): it must read what it returns
        if any(r.kind != "Nap" or r.parked is None for r in now):
            return False  # inside a call on the check's objects, or one on its way
        # (a get told Empty took nothing: a look, a get_nowait() told Empty, then a
        # nap and an untimed get() pauses after its look too; twelfth hostile reading)
        if not self._said_no_last(tid):
            return False
        if now:
            return True  # time.sleep, in the grader
        return pid is not None and _asleep_of_its_own(pid, tid)


def timed_empty(rec) -> bool:
    """``rec`` is a queue's ``get`` with a timeout that was told Empty (it
    waited), not a ``get_nowait()`` (a look at the queue)."""
    if rec.op != "get" or rec.result != ("raise", "Empty"):
        return False
    try:
        wait = _timeout(*rec.args)
    except Raise:
        return False
    return wait is not None and wait > 0


def said_no(rec, stop) -> bool:
    """``rec`` is a look at ``stop`` (``is_set()``, ``wait()``) that said not set."""
    return (rec is not None and rec.obj == stop.id and rec.op in ("is_set", "wait")
            and rec.ok and not getattr(rec.value, "value", rec.value))


def _asleep_of_its_own(pid: int, tid: int) -> bool:
    """A nap that is no wait for the GIL (``procfs.naps``), or blocked in I/O
    on a descriptor that is no socket (a pipe of its own: a read, a write)."""
    return procfs.naps(pid, tid) or procfs.blocked_in_io_no_socket(pid, tid)


def pauses_after_look(rep, who, stop) -> bool:
    """``who``'s last call was a look at ``stop`` that said no, and its own
    thread is now asleep outside any call on the check's objects, whatever
    the other threads of its process do: in a nap of its own that is no wait
    for the GIL (``procfs.naps``), or blocked in I/O on a descriptor that is
    no socket (a pipe a helper thread drains). (blocking-io/timeout-consumer's
    idle run, since the nineteenth session: its ``pausing`` wants every
    thread asleep, and a consumer that wrote to a pipe after its look, a
    helper draining it, was never seen pausing; thirteenth hostile reading.)
    Under the monitor."""
    a, pid, tid = rep.arena, rep.session.pid, rep.tid_of(who)
    if pid is None or tid is None or any(r.tid == tid for r in a.current.values()):
        return False
    last = next((r for r in reversed(a.ledger) if r.who == who), None)
    return said_no(last, stop) and _asleep_of_its_own(pid, tid)
