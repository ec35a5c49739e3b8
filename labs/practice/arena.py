"""The grader's side of a check: the scenario's shared objects, and the one
place every operation of the learner's threads passes through.

Runs in the PARENT (the grader). The learner's process reaches the objects
here through ``labs.practice.wire`` proxies, one connection per thread. Each
connection is served by its own thread here; every message becomes a call of
``Arena.dispatch``, which

- runs under ONE monitor (``Arena.cond``): every object's state changes
  under it, every blocking operation waits on it, and every scenario waits on
  it for observed state ("worker-1 is inside its first debit") instead of
  sleeping;
- records the operation in the ledger (sequence number at its start and at
  its end, calling thread as its connection's hello named it, arguments,
  result): every verdict is computed from this ledger and from what the
  kernel says about the learner's process, never from what the learner's
  process says about itself;
- calls ``Arena.gate(record)`` first: the hook a scheduler can use to decide
  which thread's next operation goes next (``labs.practice.explore``). For
  that scheduler the monitor counts its notifications (``cond.version``),
  and an operation that waits in ``Arena.block`` marks its record parked at
  the version it last found its predicate false at (``Record.parked``) and
  calls ``Arena.parking()``: a record parked at the current version waits
  for something that has not happened yet. Woken, and its predicate true,
  the operation passes ``Arena.gate`` again before it goes on: which of
  several woken waiters goes first is the scheduler's choice too.

A message that is not a well-formed operation, an operation on an object of
a repetition that has ended, a connection that is not a socket: each is an
*anomaly* (recorded, and a failed check of that repetition), never a crash.
Nothing is unpickled: messages are JSON, and only numbers, strings, None,
booleans and lists of them are accepted as values.
"""
from __future__ import annotations

import collections
import json
import socket
import threading
import time

MAX_LINE = 1 << 16
MAX_TEXT = 1000  # characters kept of a str an operation was given (no statement's is longer)
MAX_CONNECTIONS = 400
FOREVER = 3600.0


class Monitor(threading.Condition):
    """The arena's one Condition; ``version`` counts its ``notify_all``
    calls (every change of state notifies all: nothing here uses
    ``notify``), so a waiter that re-checked its predicate at the current
    version is known to be still waiting, not merely not yet woken.
    ``Condition.notify_all`` calls ``notify``, which is left as it is: one
    count per call."""

    def __init__(self, lock=None):
        super().__init__(lock)
        self.version = 0

    def notify_all(self):
        self.version += 1
        super().notify_all()

    def wake(self):
        """Wake every waiter for news that changes no object's state (a
        scheduler's choice): the version stays, and a parked waiter stays
        settled."""
        super().notify_all()


class Raise(Exception):
    """An exception the learner's proxy raises: its class name and message."""

    def __init__(self, name: str, msg: str = "", extra: dict | None = None):
        super().__init__(msg)
        self.name, self.msg = name, msg
        self.extra = extra  # more fields for the reply (the child's fast clock: wire.Clock)


class WithFds:
    """An operation's value sent with file descriptors (SCM_RIGHTS): the
    learner's ends of the grader's sockets, for instance."""

    def __init__(self, value, fds):
        self.value, self.fds = value, list(fds)


class OnFastClock:
    """An operation's value sent with news of the grader's fast clock
    (wire.Clock): ``skew`` seconds passed at once (the learner's clocks move
    on by as much); ``fast``: the fast period goes on (``time.sleep`` returns
    at once meanwhile)."""

    def __init__(self, value, skew: float = 0.0, fast: bool = False):
        self.value, self.skew, self.fast = value, float(skew), bool(fast)


FAST_GETS = 1000  # a fast period's timed waits, at most (a 1 ms timeout is a spin, not a wait)
FAST_LOOKS = 3    # FastClock: looks in a row that do not wait (get_nowait) end a period
STRIDE = 1        # FastClock(fine=N): past a thread's N-th timed wait in a period, each
                  # passes at least 1/STRIDE of the time its waits passed before it
                  # (10 until the twenty-first session, when periods grew to an hour)


class FastClock:
    """The grader's fast clock for some of the learner's threads, by name:
    while a thread has seconds of its period left, a timed wait of it that
    would wait (a get() on the empty queue, a wait() on an Event not set)
    returns at once and spends its timeout of them, and the reply moves the
    learner's clocks on by as much (wire.Clock, "skew"); a look that does not
    wait (``get_nowait()``) says the period goes on (``"fast"``:
    ``time.sleep`` returns at once). A period ends when spent, after
    FAST_GETS timed waits, or after ``looks`` (FAST_LOOKS) looks in a row with
    no timed wait (a nap of the learner's own: no timeout of the grader's to
    pass; None: a period the grader ends itself, after a time of its own).
    A quiet period of a minute of a thread's waits costs milliseconds, and
    code that gives up after N seconds of timeouts is caught whatever N up
    to the period's length.

    With ``fine``: a thread's first ``fine`` timed waits in a period pass
    their own timeout each; each one after passes at least 1/STRIDE of what
    its waits passed before it (a timeout is a least wait: a real one may
    last longer). An hour of 10 ms naps then passes in about 112 waits
    (100 of 10 ms, then 12 that double the time), not 360,000, each an
    operation through the explorer's gate; an idle
    timeout read on a clock is caught as before, a count of more than
    ``fine`` waits taken for a clock is not. Under the monitor."""

    def __init__(self, looks: int | None = FAST_LOOKS, fine: int | None = None):
        self.max_looks = looks  # None: looks never end a period (one the grader times)
        self.fine = fine
        self.start({})

    def start(self, seconds: dict, every: float = 0.0) -> None:
        """Begin (or, with {}, end) the periods: {thread name: seconds}, and
        ``every`` for a thread not named."""
        self.left, self.every = dict(seconds), every
        self.passed: dict[str, float] = {}  # what each thread's timed waits passed
        self.waits: dict[str, int] = {}
        self.looks: dict[str, int] = {}
        self.seen: set[str] = set()  # the threads that waited or looked in their period

    def now(self, who) -> bool:
        return (self.left.get(who, self.every) > 0 and self.waits.get(who, 0) < FAST_GETS
                and (self.max_looks is None or self.looks.get(who, 0) < self.max_looks))

    def spent(self, who) -> bool:
        """``who`` began its period and it is over."""
        return who in self.seen and not self.now(who)

    def end(self, who) -> None:
        self.left[who] = 0.0

    def timed(self, who, seconds: float | None) -> dict | None:
        """A timed wait of ``who`` that would wait: the reply's news of the
        fast clock (its timeout passed), or None outside a period."""
        if not seconds or not self.now(who):
            return None
        self.seen.add(who)
        passed = self.passed.get(who, 0.0)
        if self.fine is not None and self.waits.get(who, 0) >= self.fine:
            seconds = max(seconds, passed / STRIDE)  # (its stride: the class docstring)
        self.passed[who] = passed + seconds
        self.left[who] = self.left.get(who, self.every) - seconds
        self.waits[who] = self.waits.get(who, 0) + 1
        self.looks[who] = 0
        return {"skew": seconds, "fast": self.now(who)}

    def look(self, who) -> dict | None:
        """A look of ``who`` that does not wait: "fast" while the period goes on."""
        if not self.now(who):
            return None
        self.seen.add(who)
        self.looks[who] = self.looks.get(who, 0) + 1
        return {"fast": self.now(who)}


STALL_S = 60.0    # GLock: how long a stall lasts, in each thread's timed acquires
SLOW_ALIVE = 300  # SlowEnd: is_alive() in a row of the slow thread that end the period
OTHERS_S = 3600.0  # SlowEnd.passing: the others' timed joins that pass at once, in all


class AliveCredit:
    """A thread of the check's that is slow to end says True at the first
    ``is_alive()`` after the stop (sigterm's workers, shutdown's consumers):
    the learner's code then waits before it looks again, a nap it would not
    have taken. That wait, from the True to the same thread's next look, is
    the check's doing: credited to the run's budget (``hold``), up to
    ``cap`` each (the longest nap between looks a statement allows). Until
    the seventeenth session it was the learner's: a right answer that looked
    at five workers one at a time, 1 s naps between looks, ran out of its 3 s
    (right-answer round). Under the monitor."""

    def __init__(self, hold, cap: float):
        self.hold, self.cap = hold, cap
        self.since: dict[int, float] = {}  # thread id -> when it was told True

    def said_alive(self, rec) -> None:
        self.since.setdefault(rec.tid, time.monotonic())

    def looks(self, rec) -> None:
        told = self.since.pop(rec.tid, None)
        if told is not None:
            self.hold(min(self.cap, time.monotonic() - told))

    def owed(self, rec) -> bool:
        """``rec``'s thread was told True and has not looked since: what it
        does now waits for a thread of the check's that ends at its next look."""
        return rec.tid in self.since

    def nap(self, rec, seconds) -> "OnFastClock | None":
        """A nap of ``rec``'s thread while it is owed (``owed``), of at most
        ``cap``: its reply, passed at once, the learner's clocks moved on by
        it (the next look ends that thread); None for any other nap."""
        if type(seconds) in (int, float) and 0 < seconds <= self.cap and self.owed(rec):
            return OnFastClock(None, skew=seconds)
        return None


class SlowEnd:
    """One of a scenario's threads (``join(timeout)``, ``is_alive()``) runs
    ``seconds`` on the learner's clocks before it can end, through timed
    joins on the grader's fast clock (a FastClock for the learner's process:
    it has one clock). Meanwhile a timed join of it, or of another thread of
    the scenario that would wait its full timeout, returns at once, the
    thread still running, and the learner's clocks move on by its timeout
    (FAST_GETS joins at most); is_alive() of it says True, and that the fast
    period goes on (``time.sleep`` returns at once and moves the learner's
    clocks on: wire.Clock, up to an hour). An untimed join of it, or
    SLOW_ALIVE is_alive() of it in a row, ends the period at once. Code that
    gives up on a thread after N seconds of timed joins, or of naps between
    looks (N / nap < SLOW_ALIVE), returns with it running, whatever N up to
    ``seconds``. The scenario's threads share one; ``slow`` is the one that
    runs slow."""

    PROCESS = "the learner's process"  # the FastClock's one key

    def __init__(self, seconds: float = 0.0, slow=None, fine: int | None = None):
        self.slow = slow
        # (``fine``: FastClock's strides, for a period of an hour: lost-task/shutdown's,
        # sigterm's late run)
        self.clock = FastClock(looks=SLOW_ALIVE, fine=fine)
        self.clock.start({self.PROCESS: seconds})
        # set by the scenario: once the period is over, ``slow`` still runs, in
        # real time (its timed joins wait their full timeout, is_alive() says
        # True), until the scenario lets it go (the learner's own timed waits,
        # a threading.Timer, have run out: Rep.outwait)
        self.keep = False
        self.let_go = False  # ... and then let it go: it is like the others
        # the others' timed joins that would wait their whole timeout (``passing``)
        self.others = FastClock(looks=None)
        self.others.start({self.PROCESS: OTHERS_S})

    def on(self) -> bool:
        return self.clock.now(self.PROCESS)

    def join(self, who, seconds: float) -> OnFastClock | None:
        """A timed join of ``who`` that would wait: its reply on the fast
        clock, or None when the period is over (under the monitor)."""
        news = self.clock.timed(self.PROCESS, seconds)
        return OnFastClock(None, **news) if news else None

    def passing(self, seconds: float) -> OnFastClock | None:
        """A timed join that would wait its whole timeout, the thread running
        on: its reply at once, the learner's clocks moved on by its timeout
        (OTHERS_S of them, FAST_GETS joins at most; then None: it waits in real
        time). The callers keep it from the slow thread while that one is kept
        running in real time (``keep``), until it is let go (``let_go``).
        Five consumers joined with ``join(3)`` cost milliseconds, not 15 s of
        the check's time."""
        news = self.others.timed(self.PROCESS, seconds)
        return OnFastClock(None, skew=news["skew"]) if news else None

    def nap(self, seconds: float) -> OnFastClock | None:
        """A nap of the learner's (GClockNap) while the period is on: it
        passes at once on the fast clock, as a timed join of the slow thread
        does (a look that waits: the looks in a row start again); None
        otherwise."""
        news = self.clock.timed(self.PROCESS, seconds) if self.on() else None
        return OnFastClock(None, **news) if news else None

    def alive(self, who) -> OnFastClock | None:
        """is_alive() of ``who``: its reply (True, on the fast clock) while the
        period holds ``who`` running; None otherwise."""
        news = self.clock.look(self.PROCESS) if who is self.slow else None
        return OnFastClock(True, fast=True) if news and news["fast"] else None

    def untimed(self, who) -> None:
        if who is self.slow:
            self.clock.end(self.PROCESS)

    def reply(self, value):
        """Another look's reply (is_alive() of another thread): while the period
        is on, it says so too (the learner's process has one clock)."""
        return OnFastClock(value, fast=True) if self.on() else value


class Ended(Exception):
    """The repetition (or the check) this operation belongs to has ended."""


class Record:
    __slots__ = ("seq", "end", "t", "who", "tid", "obj", "kind", "op", "args", "result",
                 "note", "conn", "parked", "until")

    def __init__(self, seq, t, conn, obj, op, args):
        self.seq, self.end, self.t = seq, None, t
        self.who, self.tid, self.conn = conn.name, conn.tid, conn.id
        self.obj, self.kind, self.op, self.args = obj.id, obj.kind, op, args
        self.result = None   # ("ok", value) or ("raise", name)
        self.note = {}       # facts the object adds (e.g. "locked_by_caller")
        self.parked = None   # waiting in Arena.block: the monitor's version it checked at
        self.until = None    # ... and until when (time.monotonic()), if its wait is timed

    @property
    def ok(self):
        return self.result is not None and self.result[0] == "ok"

    @property
    def value(self):
        return self.result[1] if self.ok else None

    def __repr__(self):
        return f"#{self.seq} {self.who} {self.obj}.{self.op}{tuple(self.args)} -> {self.result}"


class Conn:
    def __init__(self, ident: int, sock: socket.socket, name: str, tid: int):
        self.id, self.sock, self.name, self.tid = ident, sock, name, tid
        self.open = True
        self.server_tid: int | None = None  # the grader's thread that serves it (_serve)


def _clean(value):
    """``value`` (plain: ``_plain``) with every str made encodable: a lone
    surrogate (JSON's "\\ud800") becomes its escape, as text. A learner's
    ``ValueError("\\ud800")`` reached the verdict as it was, and printing
    the verdict raised UnicodeEncodeError (a hostile round, thirtieth
    session: the command line, and a class's grades file cut short); and
    cut to MAX_TEXT characters (a loop of refused calls, each with a string of
    60,000, grew the grader to 834 MB: the ledger keeps every call)."""
    if isinstance(value, str):
        value = value[:MAX_TEXT]
        return value if value.isascii() else value.encode(
            "utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _plain(value, depth=0) -> bool:
    if value is None or isinstance(value, (bool, int, float, str)):
        return not isinstance(value, int) or abs(value) < 1 << 63
    if isinstance(value, list) and depth < 4 and len(value) < 1000:
        return all(_plain(v, depth + 1) for v in value)
    return False


class Arena:
    def __init__(self, tids_of_child=lambda: None, max_connections: int = MAX_CONNECTIONS):
        self.cond = Monitor(threading.RLock())
        self.max_connections = max_connections  # a check of many runs needs more
        self.objects: dict[str, GObject] = {}
        self.ledger: list[Record] = []
        self._by_obj: dict[str, list[Record]] = {}  # the ledger, per object (``of``)
        self.anomalies: list[tuple] = []   # (rep number or None, text)
        self.conns: list[Conn] = []
        self.seq = 0
        self.t0 = time.monotonic()
        self.closed = False
        self.child_gone = False
        self.rep_n = 0                     # the repetition now running (0: none)
        self.tids_of_child = tids_of_child  # () -> set of the child's tids, or None
        self.gate = None                   # gate(record): a scheduler's choke point
        self.parking = None                # parking(): an operation is about to wait
        self.on_note = None                # on_note(text): a scheduler hears the grader's moves
        self.current: dict[int, Record] = {}  # serving thread's ident -> its operation
        # a learner's thread (kernel id) -> when its last operation ended (time.monotonic())
        self.last_end: dict[int, float] = {}
        self.frozen = False                # True: every operation waits (before a stack dump)
        self._dial, self.child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.child_end.set_inheritable(True)
        self.threads: list[threading.Thread] = []  # the grader's: joined by ``join``
        self._start(self._accept, "grader-dial")

    # ---------------------------------------------------------- objects
    def add(self, obj: GObject) -> GObject:
        with self.cond:
            obj.arena = self
            self.objects[obj.id] = obj
        return obj

    def now(self) -> float:
        return time.monotonic() - self.t0

    def anomaly(self, text: str) -> None:
        with self.cond:
            self.anomalies.append((self.rep_n, text))
            self.cond.notify_all()

    def note(self, text: str) -> None:
        """The grader moved (set a stop, put a task): a scheduler that logs
        the run's steps hears of it (under the monitor)."""
        if self.on_note is not None:
            self.on_note(text)

    def wait_for(self, predicate, timeout: float) -> bool:
        """Wait (on the monitor) until ``predicate()`` holds, the child is
        gone or ``timeout`` passes; the predicate's value."""
        end = time.monotonic() + timeout
        with self.cond:
            while not predicate():
                left = end - time.monotonic()
                if left <= 0 or self.child_gone or self.closed:
                    return bool(predicate())
                self.cond.wait(min(left, 0.25))
            return True

    def block(self, predicate, timeout: float | None, obj: GObject) -> bool:
        """For an operation: wait until ``predicate()`` or ``timeout``
        (None: forever). Raises Ended when the repetition or check ends."""
        end = time.monotonic() + (FOREVER if timeout is None else max(0.0, timeout))
        rec = self.current.get(threading.get_ident())
        if rec is not None and timeout is not None:
            rec.until = end
        waited = False
        try:
            while True:
                if predicate():
                    if not (waited and rec is not None and self.gate is not None):
                        return True
                    # woken: going on is one more choice of the scheduler's
                    rec.parked, waited = None, False
                    self.gate(rec)
                    if predicate():
                        return True
                if self.closed or (obj.rep is not None and obj.rep != self.rep_n):
                    raise Ended()
                left = end - time.monotonic()
                if left <= 0:
                    return False
                if rec is not None:
                    rec.parked = self.cond.version
                    if self.parking is not None:
                        self.parking()
                self.cond.wait(min(left, 0.25))
                waited = True
        finally:
            if rec is not None:
                rec.parked = None

    # ---------------------------------------------------------- connections
    def _accept(self) -> None:
        while not self.closed:
            try:
                msg, fds, _flags, _addr = socket.recv_fds(self._dial, 4096, 4)
            except OSError:
                return
            if not msg and not fds:
                return  # the child's end is closed everywhere
            for fd in fds[1:]:
                _close(fd)
            if len(fds) != 1:
                self.anomaly("a message on the grader's channel without a connection")
                continue
            try:
                sock = socket.socket(fileno=fds[0])
            except OSError:
                _close(fds[0])
                self.anomaly("a connection that is not a socket")
                continue
            if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
                sock.close()
                self.anomaly("a connection that is not a stream socket")
                continue
            try:
                hello = json.loads(msg)
                name, tid = _clean(str(hello["thread"])[:80]), int(hello["tid"])
                ident = int(hello.get("ident") or 0)
            except (ValueError, KeyError, TypeError, RecursionError, OverflowError):
                sock.close()  # "tid": Infinity is a float that int() refuses with OverflowError
                self.anomaly("garbage on the grader's channel: not a connection's hello")
                continue
            with self.cond:
                if self.closed:
                    sock.close()  # it came as the check ended: nobody would shut it down
                    continue
                if len(self.conns) >= self.max_connections:
                    sock.close()
                    # (each thread of the learner's process that calls the check's
                    # objects opens one: a right-answer round met a consumer that
                    # started a thread per nap, and this line was all it said; and
                    # each call a signal handler makes while its thread is inside
                    # another call: a handler that joined the workers, thirty-second
                    # session's hostile round, was told it started threads)
                    by_tid = collections.Counter(c.tid for c in self.conns)
                    tid, most = by_tid.most_common(1)[0] if by_tid else (None, 0)
                    if most > self.max_connections // 2:
                        who = next(c.name for c in self.conns if c.tid == tid)
                        self.anomaly(f"more than {self.max_connections} connections, {most} "
                                     f"of them from one thread ({who}): each call a signal "
                                     "handler makes while its thread is inside another call "
                                     "opens one (a handler that waits or loops?)")
                    else:
                        self.anomaly(f"more than {self.max_connections} connections, one per "
                                     "thread of yours that called the check's objects (a new "
                                     "thread for each task or nap?)")
                    continue
                known = self.tids_of_child()
                if known is not None and not known or self.child_gone:
                    sock.close()  # the process is gone: a hello it sent as it died
                    continue
                if known is not None and tid not in known:
                    # refused, not an anomaly: a thread of a dying process (os._exit)
                    # can say hello after the kernel has removed it; a forged id
                    # gets a closed channel, and its call fails in the learner's code
                    sock.close()
                    continue
                conn = Conn(len(self.conns) + 1, sock, name, tid)
                conn.ident = ident
                self.conns.append(conn)
            self._start(self._serve, f"grader-{conn.id}", conn)

    def _start(self, target, name: str, *args) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self.cond:
            self.threads.append(t)
        t.start()

    def _serve(self, conn: Conn) -> None:
        conn.server_tid = threading.get_native_id()
        buf = b""
        try:
            while True:
                while b"\n" not in buf:
                    chunk = conn.sock.recv(MAX_LINE)
                    if not chunk:
                        return
                    buf += chunk
                    if len(buf) > MAX_LINE:
                        self.anomaly(f"garbage on {conn.name}'s channel: a line too long")
                        return
                line, _, buf = buf.partition(b"\n")
                reply = self.dispatch(conn, line)
                if reply is None:
                    return
                fds = reply.pop("$fds", None)
                data = json.dumps(reply).encode() + b"\n"
                if fds:  # the descriptors travel with the reply's first byte
                    data = data[socket.send_fds(conn.sock, [data], fds):]
                conn.sock.sendall(data)
        except OSError:
            return  # the learner's end went away mid-operation
        finally:
            conn.open = False
            conn.sock.close()
            with self.cond:
                self.cond.notify_all()

    def dispatch(self, conn: Conn, line: bytes) -> dict | None:
        """THE choke point: every operation of every learner thread."""
        try:
            msg = json.loads(line)
            oid, op, args = msg["obj"], msg["op"], msg["args"]
            if not (isinstance(oid, str) and isinstance(op, str) and isinstance(args, list)
                    and _plain(args)):
                raise ValueError
            args = _clean(args)
        except (ValueError, KeyError, TypeError, RecursionError):
            self.anomaly(f"garbage on {conn.name}'s channel: not an operation")
            return None
        with self.cond:
            obj = self.objects.get(oid)
            method = getattr(obj, "op_" + op, None) if obj is not None and op.isidentifier() else None
            if method is None:
                self.anomaly(f"{conn.name} sent an unknown operation {oid}.{op}"[:200])
                return {"raise": "TypeError", "msg": f"no such operation: {op}"[:200]}
            if self.closed or (obj.rep is not None and obj.rep != self.rep_n):
                self.anomaly(f"{conn.name} called {obj.kind}.{op}() after its run ended")
                return None
            self.seq += 1
            rec = Record(self.seq, self.now(), conn, obj, op, args)
            self.ledger.append(rec)
            self._by_obj.setdefault(rec.obj, []).append(rec)
            me = threading.get_ident()
            self.current[me] = rec
            try:
                if self.frozen:  # the threads stand still in the grader's hands for the dump
                    obj.block(lambda: not self.frozen)
                if self.gate is not None:
                    self.gate(rec)
                try:
                    value = method(rec, *args)
                except TypeError as e:
                    raise Raise("TypeError", str(e).replace("op_", "")) from None
                fds, clock = None, {}
                if isinstance(value, OnFastClock):
                    value, clock = value.value, {"skew": value.skew, "fast": value.fast}
                if isinstance(value, WithFds):
                    value, fds = value.value, value.fds
                rec.result = ("ok", value)
                reply = {"ok": value, **clock}
                if fds:
                    reply["$fds"] = fds
            except Raise as r:
                rec.result = ("raise", r.name)
                reply = {"raise": r.name, "msg": r.msg, "at": rec.seq, **(r.extra or {})}
            except Ended:
                rec.result = ("raise", "Ended")
                reply = None
            finally:
                self.current.pop(me, None)
                self.last_end[rec.tid] = time.monotonic()
            self.seq += 1
            rec.end = self.seq
            self.cond.notify_all()
            return reply

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.cond.notify_all()
        try:
            self._dial.shutdown(socket.SHUT_RDWR)  # wakes ``_accept`` (a close would not)
        except OSError:
            pass
        for s in (self._dial, self.child_end):
            try:
                s.close()
            except OSError:
                pass
        for c in list(self.conns):
            try:
                c.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def join(self, bound_s: float) -> list[str]:
        """After ``close``: wait, at most ``bound_s`` in all, for the
        grader's threads to end (each closes its connection's socket as it
        ends); the names of those still running."""
        end = time.monotonic() + bound_s
        with self.cond:
            threads = list(self.threads)
        for t in threads:
            if t is not threading.current_thread():
                t.join(max(0.0, end - time.monotonic()))
        return [t.name for t in threads if t.is_alive()]

    # ---------------------------------------------------------- reading the ledger
    def of(self, obj: GObject, op: str | None = None, who: str | None = None) -> list[Record]:
        return [r for r in self._by_obj.get(obj.id, ()) if (op is None or r.op == op)
                and (who is None or r.who == who)]


def _close(fd: int) -> None:
    import os
    try:
        os.close(fd)
    except OSError:
        pass


# ---------------------------------------------------------------- the objects

class GObject:
    """A shared object of one repetition. ``op_NAME(rec, *args)`` runs under
    the arena's monitor; it may block with ``self.block(...)``."""
    kind = "Object"

    def __init__(self, rep: int, name: str):
        self.rep, self.name = rep, name
        self.id = f"r{rep}.{name}"
        self.arena: Arena | None = None

    def ref(self) -> dict:
        return {"$": self.id, "kind": self.kind}

    def block(self, predicate, timeout=None) -> bool:
        return self.arena.block(predicate, timeout, self)

    def changed(self) -> None:
        self.arena.cond.notify_all()


class GWaits(GObject):
    """Where a run's learner's process tells each timed wait of its own as
    it begins (wire.Clock.tell_wait, ``Rep.waits_to``): a ``time.sleep``
    that stays in its process, a ``Condition.wait``, a ``join``, its own
    lock's ``acquire``, a ``SimpleQueue.get``. Never held: the ledger keeps
    each one, its timeout in ``note["wait"]``, in order with the thread's
    calls on the check's objects (stop-one's spin watch reads them)."""
    kind = "Waits"

    def __init__(self, rep: int):
        super().__init__(rep, "waits")

    def op_waits(self, rec, seconds):
        rec.note["wait"] = seconds if type(seconds) in (int, float) else None
        self.changed()


class GNap(GObject):
    """``time.sleep`` of the learner's threads while the explorer drives
    a run (labs.practice.explore; wire.Clock sends it here): the nap waits
    in the grader, its record parked, so the explorer sees the thread waiting
    for the clock, not on its way to the gate, and makes its choices
    meanwhile; the nap ends by the clock, as an operation's timeout does.
    One for the whole check (no run's: a thread that naps on past its run
    does not touch the run's objects) and not a choice of the explorer's.
    ``on_nap(rec)``, when set, is called as a nap begins (under the monitor),
    however short it is: a run that watches for pauses sees each one
    (pauses.StopAtPause)."""
    kind = "Nap"

    def __init__(self):
        super().__init__(None, "time")
        self.on_nap = None

    def op_sleep(self, rec, seconds):
        if self.on_nap is not None:
            self.on_nap(rec)
        seconds = _number(seconds, "seconds")
        if not 0 <= seconds < FOREVER:
            raise Raise("ValueError", "sleep length must be non-negative")
        news = self.passes(seconds)
        if news is not None:
            return news
        t0 = time.monotonic()
        if self.block(lambda: self.cut(rec, seconds), seconds):
            # ended early: what was left of it passes at once, on the learner's clocks
            return OnFastClock(None, skew=max(0.0, seconds - (time.monotonic() - t0)))
        return None

    def op_waits(self, rec, seconds):
        """A timed wait of the learner's own begins (wire.Clock.own_wait):
        told, never held; ``on_nap`` sees it as it sees a nap."""
        if self.on_nap is not None:
            self.on_nap(rec)

    def passes(self, seconds: float) -> "OnFastClock | None":
        """A nap that passes at once (its reply), or None: it waits."""
        return None

    def cut(self, rec, seconds: float) -> bool:
        """Whether a nap that waits may end now, the rest of it passing at
        once (under the monitor; checked at each change of state): never here."""
        return False


class GClockNap(GNap):
    """``time.sleep`` of the learner's threads, sent to the grader where a
    scenario's SlowEnd runs (wire.Clock, ``nap_first``): in the slow
    thread's fast period a nap passes at once on the grader's clock, which
    counts it (the learner's clocks move on by as much); otherwise it waits
    in the grader, as a nap waits. Before the fifteenth session the naps
    passed in the learner's process, unseen: the period ended after
    SLOW_ALIVE looks whatever time they covered, and shutdown code that gave
    up after 5 s of 10 ms naps passed (ninth hostile reading)."""

    def __init__(self, slow: "SlowEnd"):
        super().__init__()
        self.slow = slow

    def passes(self, seconds: float) -> "OnFastClock | None":
        return self.slow.nap(seconds)

    def op_passed(self, rec, seconds):
        """A timed wait of the learner's own (an Event, a Condition, a join
        of its own thread: wire.Clock.sliced) that its fast period would pass
        at once: True when the grader's clock passes it (and counts it, as a
        nap), False when the period is over (it then waits in the learner's
        process, where a notify can end it). Never waits here."""
        seconds = _number(seconds, "seconds")
        news = self.passes(seconds) if 0 < seconds < FOREVER else None
        return OnFastClock(True, skew=news.skew, fast=news.fast) if news is not None else False


class AliveNap(GClockNap):
    """``time.sleep`` of the learner's threads where a scenario credits the
    wait after a True of its slow-to-end threads (AliveCredit): a nap of a
    thread told True that has not looked since, of at most the credit's cap,
    passes at once, and the learner's clocks move on by it (the next look
    ends that thread); any other nap, and any while a SlowEnd period is on
    (its clock counts them), as GClockNap's. Once the period is over and
    its slow thread is kept running in real time (``SlowEnd.keep``), a
    credited nap waits until it is let go, then passes. Until the twentieth
    session such naps took real time, credited to the run's budget but not
    to the learner's clock: a right answer that napped 1 s between
    ``is_alive()`` looks at five workers took 44 s a check of 10 runs."""

    def __init__(self, slow: "SlowEnd", credit: AliveCredit):
        super().__init__(slow)
        self.credit = credit

    def op_sleep(self, rec, seconds):
        seconds = _number(seconds, "seconds")
        news = None if self.slow.on() else self.credit.nap(rec, seconds)
        if news is not None and self.slow.keep:
            # the slow thread runs on in real time until the grader lets it go
            # (lost-task/shutdown's _keep_slow): the nap waits until then, and
            # what is left of it passes at once
            t0 = time.monotonic()
            if not self.block(lambda: not self.slow.keep, seconds):
                return None  # it took its whole length
            return OnFastClock(None, skew=max(0.0, seconds - (time.monotonic() - t0)))
        if news is not None:
            return news
        return super().op_sleep(rec, seconds)  # (in the slow period: its clock's)


class GTick(GObject):
    """The check's clock, pushed to the learner's process. A thread of the
    child's side (``check-clock``, labs.practice.jail) waits here in
    ``tick(heard)``; ``push(seconds)`` answers it with ``seconds`` of skew
    (wire.Clock): the learner's clocks move on by as much at once, and a
    timed wait of the learner's own that follows them (a ``threading.Timer``,
    a timed ``Event.wait``, a sleep: wire.Clock, fast_clock) ends at its
    next slice if the push passed its deadline -- news that no operation's
    reply would bring to a thread that waits in no operation, or untimed.
    ``heard``: the pushes the child has applied (its next ``tick`` says so).
    One per check."""
    kind = "Tick"

    def __init__(self):
        super().__init__(None, "clock")
        self.skews: list[float] = []  # the seconds of each push
        self.heard = 0
        self.keeper = None  # the connection of the child's check-clock thread

    @property
    def pushed(self) -> int:
        return len(self.skews)

    def push(self, seconds: float) -> int:
        """Under the monitor: one more push; its number."""
        self.skews.append(float(seconds))
        self.changed()
        return self.pushed

    def op_tick(self, rec, heard):
        # the keeper's first tick comes before the learner's module loads: a
        # tick from any other connection is not the keeper's (a learner's
        # thread that called the keeper's function would say pushes were
        # applied that were not)
        if self.keeper is None:
            self.keeper = rec.conn
        if rec.conn != self.keeper:
            self.arena.anomaly("a tick of the check's clock from a thread that does not "
                               f"keep it ({rec.who}): a forged message?")
            raise Raise("RuntimeError", "not the clock's keeper")
        if isinstance(heard, bool) or not isinstance(heard, int):
            raise Raise("TypeError", "heard must be an int")
        heard = max(-1, min(heard, self.pushed))
        if heard > self.heard:
            self.heard = heard
            self.changed()
        if heard >= 0:  # -1: the first call, answered at once
            self.block(lambda: self.pushed > heard)
        now = self.pushed
        return OnFastClock(now, skew=sum(self.skews[max(heard, 0):now]))


def _number(x, what="amount"):
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise Raise("TypeError", f"{what} must be a number, not {type(x).__name__}")
    return x


# What a real lock or queue says of a timeout, as CPython reads one (measured
# on 3.10 to 3.15 with Lock().acquire and Queue().get: a hostile round of the
# thirty-first session passed acquire(False, 0.1), acquire(timeout=None) and
# get(timeout=math.inf), each an exception for real, and failed acquire(1, 0.1))
TIMEOUT_MAX = threading.TIMEOUT_MAX  # (9223372036.0 on Linux, 3.10 to 3.15)
TOO_LARGE = ("OverflowError", "timestamp out of range for platform time_t")  # (3.11 to 3.13's words)


def _seconds(x) -> float:
    """A timeout given as a number (True is 1, as for CPython); anything
    else raises TypeError."""
    if not isinstance(x, (int, float)):
        raise Raise("TypeError", f"'{type(x).__name__}' object cannot be interpreted as an "
                    "integer or float")
    return float(x)


def _timeout(block, timeout) -> float | None:
    """A queue's ``get(block, timeout)``: 0.0 when it does not block (its
    timeout is not read), None when it blocks for ever; a negative timeout
    raises ValueError. A timeout past TIMEOUT_MAX raises OverflowError once
    the get waits, as the real one's lock does then (``too_large``)."""
    if not block:
        return 0.0
    if timeout is None:
        return None
    t = _seconds(timeout)
    if t < 0:
        raise Raise("ValueError", "'timeout' must be a non-negative number")
    return t


def too_large(wait: float | None) -> None:
    """A timed wait that begins: OverflowError past TIMEOUT_MAX."""
    if wait is not None and wait > TIMEOUT_MAX:
        raise Raise(*TOO_LARGE)


def _lock_wait(blocking, timeout) -> float | None:
    """A lock's ``acquire(blocking, timeout)``: 0.0 for a try that does not
    wait, None for a wait with no timeout (-1, the default). Raises as
    CPython does: a timeout that is not a number (TypeError, None too), past
    TIMEOUT_MAX (OverflowError), given to a non-blocking call, or negative
    but for -1 (ValueError). ``blocking`` is read for its truth, a number
    (3.12 to 3.15 take any object; 3.10 and 3.11 an integer)."""
    if not isinstance(blocking, (int, float)):
        raise Raise("TypeError", f"'{type(blocking).__name__}' object cannot be interpreted "
                    "as an integer")
    t = _seconds(timeout)
    if t != t:
        raise Raise("ValueError", "Invalid value NaN (not a number)")
    too_large(t)
    if not blocking and t != -1:
        raise Raise("ValueError", "can't specify a timeout for a non-blocking call")
    if t < 0 and t != -1:
        raise Raise("ValueError", "timeout value must be a non-negative number")
    if not blocking:
        return 0.0
    return None if t == -1 else t


def wait_timeout(timeout) -> float | None:
    """The timeout of an ``Event.wait``, ``Condition.wait`` or ``Thread.join``:
    None waits for ever; a negative one returns at once, as 0 does (CPython's
    Condition.wait waits only for a timeout above 0, and Thread.join takes
    ``max(timeout, 0)``: measured 3.10 to 3.15). A queue's ``get`` and a lock's
    ``acquire`` refuse it instead (``_timeout``). Hostile round, twenty-fourth
    session: a right worker pacing on ``stop.wait(deadline - time.monotonic())``
    raised ValueError in the check once its deadline had passed."""
    if timeout is None:
        return None
    return max(0.0, _seconds(timeout))  # (True is 1 s, as for CPython)


class GLock(GObject):
    """threading.Lock, owned by the thread (its thread id) that acquired it.

    ``stalled``: a scenario holds the lock's holder (in the grader's hands, for
    as long as it likes). Meanwhile the grader's clock runs fast for a timed
    wait on the lock: ``acquire(timeout=t)`` of the held lock returns False at
    once, as it would if the holder kept it longer than ``t``, and the learner's
    clocks move on by ``t`` (a FastClock of STALL_S for each thread; once a
    thread has spent it, ``stall_over``, its timed acquires still return
    False at once, but its clocks stay). An answer that ignores
    acquire()'s answer then works without the lock, whatever its ``t``; one
    that gives up after N seconds of tries gives up, whatever N up to STALL_S;
    one that tries again meets the lock free once the scenario lets go."""
    kind = "Lock"

    def __init__(self, rep, name="lock"):
        super().__init__(rep, name)
        self.hold_acquire = None  # hold_acquire(rec) -> True: held there (a scenario's)
        self.before_take = None  # hook: (rec) an acquire() arrives (pauses.StopAtPause)
        # busy_for(rec) -> True: that timed (or non-blocking) acquire finds the lock
        # busy and returns False at once (a scenario's forced moment)
        self.busy_for = None
        self.owner: int | None = None
        self.owner_name: str | None = None
        self.stalled = False  # the holder is held by the scenario: timed waits time out
        self.stall_clock = FastClock(looks=None)  # each thread's STALL_S of timed acquires

    def stall(self, on: bool) -> None:
        """Begin or end a stall (under the monitor)."""
        self.stalled = on
        self.stall_clock.start({}, every=STALL_S if on else 0.0)
        self.changed()

    def stall_over(self, who) -> bool:
        """``who`` has spent the stall: STALL_S of timeouts, or FAST_GETS tries."""
        return self.stall_clock.spent(who)

    def op_acquire(self, rec, blocking=True, timeout=-1):
        wait = _lock_wait(blocking, timeout)
        timed = wait is not None
        rec.note["wait"] = wait  # None: untimed; 0.0: a try that does not wait
        if self.before_take is not None:
            self.before_take(rec)
        if self.hold_acquire is not None and self.hold_acquire(rec):  # held before it tries
            self.block(lambda: not self.hold_acquire(rec), None)
        if timed and self.busy_for is not None and self.busy_for(rec):
            self.arena.note(f"{rec.who}'s try finds {self.name} busy (the check's moment)")
            return False  # as if another thread held it for the whole timeout
        if not self.block(lambda: self.owner is None or (timed and self.stalled), wait):
            return False
        if self.owner is not None:  # the stall's fast clock (above): its timeout passed
            news = self.stall_clock.timed(rec.who, wait)
            return OnFastClock(False, **news) if news else False
        self.owner, self.owner_name, self.owner_seq = rec.tid, rec.who, rec.seq
        self.changed()
        return True

    def op_release(self, rec):
        if self.owner is None:
            raise Raise("RuntimeError", "release unlocked lock")
        rec.note["owner"] = self.owner_name
        self.owner = self.owner_name = None
        self.changed()

    def op_locked(self, rec):
        return self.owner is not None

    def held_by(self, rec) -> bool:
        return self.owner is not None and self.owner == rec.tid


class GEvent(GObject):
    kind = "Event"

    def __init__(self, rep, name="stop"):
        super().__init__(rep, name)
        self.flag = False
        self.set_at: int | None = None   # the ledger's seq when it was set
        self.fast_by: FastClock | None = None  # its timed waits follow this fast clock
        # hold_look(rec) -> True: that look (is_set, wait) waits until it is set
        # (under the monitor; a scenario's forced moment)
        self.hold_look = None
        self.on_look = None  # on_look(rec, said): each look's answer (under the monitor)
        self.on_wait = None  # on_wait(rec, timeout): a wait begins (under the monitor)

    def set_now(self, before=None, why: str = "") -> None:
        """The grader sets it (under the monitor); ``before``: as if just
        before that record began (a moment measured as the record arrived)."""
        with self.arena.cond:
            if not self.flag:
                self.flag, self.set_at = True, self.arena.seq
                if before is None:
                    self.arena.seq += 1
                else:
                    self.set_at = before.seq - 0.5
                self.arena.note(f"the grader sets {self.name}" + (f" {why}" if why else ""))
                self.changed()

    def _held(self, rec) -> None:
        if self.hold_look is not None and not self.flag and self.hold_look(rec):
            self.block(lambda: self.flag, None)

    def op_is_set(self, rec):
        self._held(rec)
        fast = self.fast_by
        if not self.flag and fast is not None and fast.now(rec.who):
            # the fast period goes on: the reply says so, as the queue's do (the
            # learner's process has one clock). A reply without it ended the
            # period in the child: a consumer that looked, then napped 50 ms on an
            # Event of its own, napped in real time, and its last quiet period
            # outlasted the grader's cap in 1 run of ~13 (fifteenth session)
            return self._said(rec, OnFastClock(False, fast=True))
        return self._said(rec, self.flag)

    def op_wait(self, rec, timeout=None):
        self._held(rec)
        t, fast = wait_timeout(timeout), self.fast_by
        rec.note["wait"] = 0.0 if self.flag else t  # None: for ever; a set one's: no wait
        if not self.flag:
            too_large(t)  # (a set Event's wait returns at once: its timeout is not used)
        if self.on_wait is not None and not self.flag:
            self.on_wait(rec, t)
        self.block(lambda: self.flag or bool(t and fast is not None and fast.now(rec.who)), t)
        news = None if self.flag or fast is None else fast.timed(rec.who, t)
        return self._said(rec, OnFastClock(False, **news) if news else self.flag)

    def _said(self, rec, answer):
        if self.on_look is not None:
            self.on_look(rec, self.flag)
        return answer

    def op_set(self, rec):
        if not self.flag:
            self.flag, self.set_at = True, rec.seq
            self.changed()


def first_seen_set(ledger, events) -> int | None:
    """The ledger's seq of the first look at one of ``events`` (``is_set()``,
    or a ``wait()``) that said set, by any of the learner's threads; None if
    none did. A thread the learner's code started has no stop of its own:
    what it does after this is done after the stop."""
    ids = {e.id for e in events}
    return next((r.seq for r in ledger if r.obj in ids and r.op in ("is_set", "wait")
                 and r.ok and r.value), None)
