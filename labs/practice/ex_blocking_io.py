"""Exercises for lab 4, blocking-io: a socket reader that stops at once
without polling; a queue consumer whose every blocking call has a timeout.

Both are graded by what the kernel says about the learner's thread while it
is idle (labs.procfs: its wake-ups; its CPU clock), and by how long it takes
to end once the stop is requested."""
from __future__ import annotations

import os
import socket
import time

from labs.child import procfs, record
from labs.practice.arena import GEvent, GObject, Raise, _plain, _timeout
from labs.practice.ex_lost_task import GQueue
from labs.practice.exercises import Check, Exercise, ms, names
from labs.practice.policy import COMMON_MODULES

IDLE_WINDOW_S = 0.06  # how long the idle thread is watched


def wait_idle(thread, quiet=lambda: True, timeout=0.3) -> bool:
    """Wait until ``thread`` sleeps in the kernel (state S) and ``quiet()``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        fields = procfs.stat(thread.native_id)
        if fields and fields[0] == "S" and quiet():
            return True
        time.sleep(0.0005)
    return False


def watch_idle(thread) -> dict:
    """Wake-ups (voluntary context switches) and CPU time of ``thread`` over
    IDLE_WINDOW_S, as rates."""
    try:
        clock = time.pthread_getcpuclockid(thread.ident)
        cs0, cpu0 = procfs.context_switches(thread.native_id, True), time.clock_gettime(clock)
        time.sleep(IDLE_WINDOW_S)  # the window itself, not synchronisation
        cs1, cpu1 = procfs.context_switches(thread.native_id, True), time.clock_gettime(clock)
    except (OSError, ProcessLookupError):
        return {"wakeups_per_s": None, "cpu_share": None}  # it ended meanwhile
    return {"wakeups_per_s": round((cs1 - cs0) / IDLE_WINDOW_S),
            "cpu_share": round((cpu1 - cpu0) / IDLE_WINDOW_S, 3)}


def stop_and_time(rep, thread, request) -> dict:
    record.mark("stop requested")
    asked = time.perf_counter()
    request()
    stuck = rep.join([thread])
    return {"stuck": stuck, "latency_s": None if stuck else time.perf_counter() - asked}


def _wakeups(limit):
    def measure(f):
        if f.get("wakeups_per_s") is None:
            return None
        w = f["wakeups_per_s"]
        return w <= limit, f"{w} wake-ups per second while idle"
    return measure


def _cpu(f):
    if f.get("cpu_share") is None:
        return None
    return f["cpu_share"] <= 0.1, f"{f['cpu_share']:.0%} of a CPU while idle"


def _latency(limit):
    def measure(f):
        if f["stuck"] or f.get("latency_s") is None:
            return None
        return f["latency_s"] <= limit, f"stopped {ms(f['latency_s'])} after the request"
    return measure


def _waited(f):
    if f["mode"] != "idle":
        return None
    return f["alive_at_stop"], ("still waiting" if f["alive_at_stop"]
                                else "returned before the stop was requested")


# ---------------------------------------------------------------- the reader

def reader_harness(rep, reader):
    """``reader(sock, wake)`` in a thread. ``idle``: data arrives in chunks,
    with small random pauses; once the reader has read it all and sleeps,
    it is watched while idle, then the stop is requested (one byte on
    ``wake``). ``peer-closes``: the peer closes after the data.
    ``before-first``: the stop is requested before the reader starts."""
    sock, peer = socket.socketpair()
    wake, wake_w = socket.socketpair()
    sent = rep.rng.randbytes(3000)
    got = {}
    try:
        if rep.mode == "before-first":
            wake_w.send(b"!")
        t = rep.thread("reader", lambda: got.setdefault("data", reader(sock, wake)))
        record.state("waiting", thread=t)
        if rep.mode != "before-first":
            for i in range(0, len(sent), 1000):
                peer.sendall(sent[i:i + 1000])
                rep.pause()
        facts = {"alive_at_stop": True, "wakeups_per_s": None, "cpu_share": None}
        if rep.mode == "idle":
            wait_idle(t, quiet=lambda: not _unread(sock))
            facts.update(watch_idle(t), alive_at_stop=t.is_alive())
            facts.update(stop_and_time(rep, t, lambda: wake_w.send(b"!")))
        elif rep.mode == "peer-closes":
            peer.shutdown(socket.SHUT_WR)
            facts.update(stuck=rep.join([t]), latency_s=None)
        else:
            facts.update(stuck=rep.join([t]), latency_s=None)
        data = got.get("data")
        facts["read_all"] = data == sent if rep.mode != "before-first" else data is not None
        facts["read_bytes"] = len(data) if isinstance(data, (bytes, bytearray)) else None
        return facts
    finally:
        if not rep.threads[-1].is_alive():
            for s in (sock, peer, wake, wake_w):
                s.close()


def _unread(sock) -> bool:
    try:
        return bool(sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
    except (BlockingIOError, OSError):
        return False


def _read_all(f):
    if f["stuck"]:
        return None
    if f["mode"] == "before-first":
        return f["read_all"], "returned" if f["read_all"] else "returned None, not bytes"
    return f["read_all"], ("every byte, in order" if f["read_all"] else
                           f"{f['read_bytes']} of 3000 bytes returned")


READER = Exercise(
    id="blocking-io/wakeup-reader",
    lab="blocking-io",
    title="A socket reader that stops at once, without polling",
    statement=(
        "Write `reader(sock, wake)`. Read from the socket `sock` until the peer closes it "
        "or until `wake` (another socket) becomes readable, which is how a stop is "
        "requested; then return every byte read, in order (`bytes`).\n\n"
        "The check sends data in chunks, waits until your reader has read it all and "
        "sleeps, watches it while it is idle (the kernel counts its wake-ups and its CPU "
        "time), then writes one byte to `wake`. Your reader must stop within 5 ms and "
        "wake up at most 20 times a second while idle: a poll with a short timeout "
        "fails the second, a long one the first."),
    functions=("reader",),
    signatures=(("sock", "wake"),),
    skeleton=(
        "def reader(sock, wake):\n"
        "    chunks = []\n"
        "    while True:\n"
        "        data = sock.recv(4096)  # blocks: a stop cannot reach it\n"
        "        if not data:\n"
        "            return b\"\".join(chunks)\n"
        "        chunks.append(data)\n"),
    modes=("idle", "peer-closes", "idle", "before-first"),
    harness=reader_harness,
    checks=(
        Check("it waited for the stop", "still waiting", _waited,
              ("Your reader returned before anyone asked it to stop.",
               "Return only when the peer closes (recv returns b\"\") or `wake` is readable.",
               "Notebook 04, `wait_for_data_or_wakeup`.")),
        Check("every byte read", "every byte, in order", _read_all,
              ("Some data was not returned.",
               "Append each chunk `sock.recv` returns; return `b\"\".join(chunks)`.",
               "Notebook 04, `wait_for_data_or_wakeup`.")),
        Check("stopped quickly", "within 5 ms of the request", _latency(0.005),
              ("Your reader noticed the stop late: it polls.",
               "Wait on both sockets at once with `selectors.DefaultSelector()`, no timeout: "
               "`select()` returns as soon as `wake` is readable.",
               "Notebook 04, the `fixed-wakeup` variant.")),
        Check("no polling while idle", "at most 20 wake-ups per second", _wakeups(20),
              ("Your reader wakes up over and over while nothing happens: it polls.",
               "Block in one `select()` over `sock` and `wake`, with no timeout.",
               "Notebook 04, `make bench`: the price of polling.")),
        Check("no CPU while idle", "at most 10% of a CPU", _cpu,
              ("Your reader spins while idle.",
               "Never loop on a non-blocking socket; block in `select()`.",
               "Notebook 04, `fixed-wakeup`.")),
    ),
    lab_cell="Notebook 04, the `fixed-wakeup` variant (`wait_for_data_or_wakeup`)",
    ended_hints=(
        "Your reader was still blocked in a call after the stop: nothing woke it.",
        "Wait on `sock` and `wake` together with `selectors`; return when `wake` is readable.",
        "Notebook 04, `wait_for_data_or_wakeup`."),
)


# ---------------------------------------------------------------- the kernel's view

WINDOW_S = 0.25  # how long the idle process is watched (a measuring window)


def kernel_counts(pid: int) -> dict:
    """What the kernel says of every thread of process ``pid``: voluntary
    context switches (wake-ups of a thread that waits), CPU time in ns
    (schedstat), the thread ids, and the whole process's CPU ticks (which
    include threads that have ended)."""
    switches = cpu = 0
    tids = set(procfs.tids(pid))
    for t in tids:
        try:
            with open(f"/proc/{pid}/task/{t}/status") as f:
                switches += sum(int(line.split()[1]) for line in f
                                if line.startswith("voluntary_ctxt_switches"))
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                cpu += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended meanwhile: the process's ticks still count it
    st = procfs.stat(pid)
    ticks = int(st[11]) + int(st[12]) if st and len(st) > 12 else 0
    return {"switches": switches, "cpu_ns": cpu, "tids": tids, "ticks": ticks,
            "t": time.monotonic()}


def idle_rates(before: dict, after: dict) -> dict:
    """Wake-ups per second and share of a CPU between two ``kernel_counts``.
    A thread that started or ended in between counts as a wake-up."""
    span = max(after["t"] - before["t"], 1e-3)
    churn = len(before["tids"] ^ after["tids"])
    cpu_s = max((after["cpu_ns"] - before["cpu_ns"]) / 1e9,
                (after["ticks"] - before["ticks"]) / os.sysconf("SC_CLK_TCK") - 0.02)
    return {"wakeups_per_s": round((after["switches"] - before["switches"] + churn) / span),
            "cpu_share": round(max(cpu_s, 0.0) / span, 3)}


def watch_process(rep, stop_watching=lambda: False) -> dict | None:
    """The learner's process, watched by the kernel for WINDOW_S while the
    grader holds everything back (a grader's hold: not the learner's
    budget). None when the process was gone."""
    pid = rep.session.pid
    before = kernel_counts(pid)
    rep.hold(WINDOW_S)
    rep.arena.wait_for(lambda: stop_watching(), WINDOW_S)  # the window itself, not a synchronisation
    after = kernel_counts(pid)
    if not before["tids"] or not after["tids"]:
        return None
    return idle_rates(before, after)


def _wakeups(limit):
    def measure(f):
        if f["mode"] not in IDLE_MODES:
            return True, "no idle period in this run"
        if f.get("idle") is None:
            return False, "not measured: " + f.get("idle_missing", "the idle period never came")
        w = f["idle"]["wakeups_per_s"]
        return w <= limit, f"{w} wake-ups per second while idle"
    return measure


def _cpu(f):
    if f["mode"] not in IDLE_MODES:
        return True, "no idle period in this run"
    if f.get("idle") is None:
        return False, "not measured: " + f.get("idle_missing", "the idle period never came")
    c = f["idle"]["cpu_share"]
    return c <= 0.1, f"{c:.0%} of a CPU while idle"


IDLE_MODES = ("idle", "quiet")


# ---------------------------------------------------------------- the consumer

JOBS = 5
LATE_S = 0.25     # the stop must be seen within this
TAKE_STOP = 2     # busy: the stop is set as the consumer takes this job
LOOK_S = 1.0      # after the idle period: how long the grader waits for a look at stop


class GJobs(GQueue):
    """lost-task's queue, plus what a timeout consumer's check reads: the
    wait each get() asked for (the ledger's note) and a hook as a get()
    hands out an item (under the monitor)."""

    def __init__(self, rep, name="jobs"):
        super().__init__(rep, name)
        self.on_take = None
        self.gets: dict[str, int] = {}

    def op_get(self, rec, block=True, timeout=None):
        rec.note["wait"] = _timeout(block, timeout)  # None: blocks for ever
        rec.note["nth"] = self.gets[rec.who] = self.gets.get(rec.who, 0) + 1
        item = super().op_get(rec, block, timeout)
        if self.on_take is not None:
            self.on_take(rec, item)
        return item

    def describe(self, rec) -> str:
        """How a stuck message names a get() (from the ledger, not the source)."""
        if rec.op != "get":
            return f"jobs.{rec.op}()"
        wait = rec.note.get("wait", 0.0)
        return "jobs.get() with no timeout" if wait is None else f"jobs.get(timeout={wait:g})"


class GDone(GObject):
    """``done(job)``, on the grader's side: it records each job."""
    kind = "Do"

    def __init__(self, rep, name="done"):
        super().__init__(rep, name)
        self.jobs: list = []

    def op_do(self, rec, job):
        if not _plain(job) or isinstance(job, list):
            raise Raise("TypeError", "a job is a number")
        self.jobs.append(job)
        self.changed()


class GStop(GEvent):
    """The stop Event, with a hook run as a look at it (``is_set()``, or a
    ``wait()`` that timed out) answers False: the grader can set it right
    after the consumer looked, the worst moment."""

    def __init__(self, rep, name="stop"):
        super().__init__(rep, name)
        self.after_look = None

    def op_is_set(self, rec):
        seen = super().op_is_set(rec)
        if not seen and self.after_look is not None:
            self.after_look(rec)
        return seen

    def op_wait(self, rec, timeout=None):
        seen = super().op_wait(rec, timeout)
        if not seen and self.after_look is not None:
            self.after_look(rec)
        return seen


def _open_op(a, obj, op, who) -> bool:
    """``who`` is inside ``obj.op()`` now (its record has not ended)."""
    for r in reversed(a.ledger[-400:]):
        if r.obj == obj.id and r.op == op and r.who == who and r.end is None:
            return True
    return False


def timeout_scenario(rep):
    """``consumer(jobs, stop, done)`` on the grader's queue, ``done`` and
    Event. ``idle``: 5 jobs, one at a time, each once the consumer waits;
    once it has done them and waits again, the kernel watches its process
    for WINDOW_S; then the stop is set just as the consumer starts waiting
    for a job (or has just been told Empty): the worst moment, so its stop
    takes as long as its longest wait. ``busy``: the 5 jobs are queued and
    the stop is set as a get() hands out job 2 (a job in hand).
    ``before-first``: the stop is set before the consumer starts."""
    n, mode = rep.n, rep.mode
    a = rep.arena
    q, done, stop = rep.add(GJobs(n)), rep.add(GDone(n)), rep.add(GStop(n))
    me = "consumer"
    stopped = {}

    def set_stop():
        stop.set_now()
        stopped.setdefault("t", a.now())

    if mode == "before-first":
        set_stop()
    elif mode == "busy":
        for job in range(JOBS):
            q.put_now(job)

        def take(rec, item):
            if item == TAKE_STOP and "t" not in stopped:
                set_stop()
        q.on_take = take
    rep.spawn(me, "consumer", q, stop, done)
    rep.go()

    def quiet(since):
        """The consumer waits for a job on an empty queue, was told Empty
        since ``since``, waits on ``stop``, or has returned."""
        return not q.items and (rep.ended(me) or me in q.waiting
                                or q.empties.get(me, 0) > since
                                or _open_op(a, stop, "wait", me))

    def taken():
        return sum(1 for r in a.of(q, "get") if r.ok)

    facts = {"idle": None}
    if mode == "idle":
        for job in range(JOBS):
            since = q.empties.get(me, 0)
            if not rep.until(lambda: quiet(since), "the consumer waiting for a job", held=True):
                break
            with a.cond:
                q.put_now(job)
        since = q.empties.get(me, 0)
        rep.until(lambda: quiet(since) and taken() >= JOBS or rep.ended(me),
                  "the consumer idle after the 5th job", held=True)
        if not rep.ended(me):
            facts["idle"] = watch_process(rep, lambda: rep.ended(me) or bool(a.anomalies))
            if rep.ended(me):
                facts["idle"] = None
                facts["idle_missing"] = "your consumer had returned before the stop"
        # the worst moment for the stop: just after a look at it said no
        with a.cond:
            stop.after_look = lambda rec: set_stop() if rec.who == me and "t" not in stopped \
                else None
        a.wait_for(lambda: "t" in stopped or rep.ended(me) or bool(a.anomalies), LOOK_S)
        with a.cond:
            if "t" not in stopped and not rep.ended(me):  # it never looks: set it all the same
                set_stop()
    elif mode == "busy":
        rep.until(lambda: "t" in stopped or rep.ended(me), f"the consumer taking job {TAKE_STOP}")
    facts.update(rep.finish())
    facts.update(_timeout_facts(rep, q, done, stop, stopped.get("t"), me))
    if not facts["calls_ended"]:  # why it never returned, from the ledger
        facts["pending"] = [p + _why_running(a, q, stop, p) for p in facts["pending"]]
    return facts


def _why_running(a, q, stop, who) -> str:
    if stop.set_at is None:
        return ""
    mine = [r for r in a.ledger if r.who == who and r.obj in (q.id, stop.id)]
    for r in reversed(mine):
        if r.obj == q.id and r.op == "get" and r.end is None:
            return f", blocked in {q.describe(r)} after the stop was set"
    if not any(r.obj == stop.id and r.seq > stop.set_at for r in mine):
        return ", and it never looked at stop once it was set"
    return ""


def _timeout_facts(rep, q, done, stop, stop_t, me) -> dict:
    a = rep.arena
    learner_ops = [r for r in a.ledger if r.obj in (q.id, done.id, stop.id)]
    taken = [r.value for r in learner_ops if r.obj == q.id and r.op == "get" and r.ok]
    did = [r.args[0] for r in learner_ops if r.obj == done.id and r.ok and r.args]
    untimed = [r for r in learner_ops if r.obj == q.id and r.op == "get"
               and r.note.get("wait", 0.0) is None]
    # the call's end, as the grader's ledger timed it (the runner's report)
    ends = [r for r in a.ledger if r.obj == rep.reports.id and r.who == me
            and r.op in ("returned", "raised")]
    end_t = ends[-1].t if ends else None
    end_seq = ends[-1].seq if ends else None
    return {
        "taken": taken, "did": did, "stop_t": stop_t, "end_t": end_t,
        "returned_before_stop": end_seq is not None and (stop.set_at is None
                                                         or end_seq < stop.set_at),
        "set_by_learner": [r.who for r in learner_ops if r.obj == stop.id and r.op == "set"],
        "untimed": [f"{r.who}'s get() #{r.note['nth']}" for r in untimed[:3]],
    }


def _waited(f):
    if f["set_by_learner"]:
        return False, f"your code set stop itself ({f['set_by_learner'][0]})"
    if f["returned_before_stop"]:
        return False, "returned before the stop was set"
    return True, "returned after the stop"


def _every_job_done(f):
    taken, did = list(f["taken"]), list(f["did"])
    dropped = [j for j in taken if j not in did]
    twice = sorted({j for j in did if did.count(j) > 1})
    unknown = [j for j in did if j not in taken]
    if f["mode"] == "idle" and not dropped and not twice and sorted(did) != list(range(JOBS)):
        return False, f"{len(set(did))} of {JOBS} jobs done"
    if dropped:
        where = " (the job in hand when the stop came)" if f["mode"] == "busy" \
            and TAKE_STOP in dropped else ""
        return False, f"job(s) {names(dropped)} taken and never passed to done(){where}"
    if twice:
        return False, f"job(s) {names(twice)} passed to done() twice"
    if unknown:
        return False, f"done() called with {names(unknown)}, never taken from jobs"
    return True, f"{len(did)} taken, {len(did)} done, once each"


def _timed_gets(f):
    u = f["untimed"]
    return not u, "every get() had a timeout" if not u else f"a get() that blocks with no timeout: {names(u)}"


def _stopped_in_time(f):
    if f["mode"] == "before-first":
        return True, "stop set before the start"
    if f["returned_before_stop"] or f["set_by_learner"]:
        return False, "no stop to time: your consumer returned before it"
    if f["stop_t"] is None:
        return False, "not measured: the stop was never set"
    if f["end_t"] is None:
        return False, "never returned after the stop"
    late = f["end_t"] - f["stop_t"]
    return late <= LATE_S, f"returned {ms(late)} after the stop"


CONSUMER = Exercise(
    id="blocking-io/timeout-consumer",
    lab="blocking-io",
    title="A queue consumer whose every blocking call has a timeout",
    statement=(
        "Write `consumer(jobs, stop, done)`. Take jobs from `jobs` (a `queue.Queue`: "
        "`get`, `get_nowait`, `empty`, `qsize`) and pass every job you take to `done(job)`, "
        "once (the job in hand when the stop comes too); return once `stop` (a "
        "`threading.Event`: `is_set()`, `wait(timeout)`) is set, even while no job comes. "
        "Nobody will wake your thread: the stop is only a flag, so every `get` that blocks "
        "needs a timeout. You may import `threading`, `queue`, `time`, `logging`, "
        "`collections`.\n\n"
        "The check (its own queue, `done` and Event) sends 5 jobs one at a time; once your "
        "consumer is idle it watches your process for a quarter of a second (the kernel "
        "counts its threads' wake-ups and CPU time), then sets `stop` just after your "
        "consumer has looked at it. In other runs the stop comes as your consumer takes a "
        "job, or before it starts. Your consumer must return after the stop, within "
        "250 ms; while idle, wake up at most 250 times a second (each call on the check's "
        "objects is one: a loop with a 50 ms timeout makes about 50) and use at most 10% "
        "of a CPU; and leave no thread running."),
    functions=("consumer",),
    signatures=(("jobs", "stop", "done"),),
    skeleton=(
        "def consumer(jobs, stop, done):\n"
        "    while not stop.is_set():\n"
        "        job = jobs.get()  # no timeout: it never sees the stop while idle\n"
        "        done(job)\n"),
    modes=("idle", "busy", "idle", "before-first"),
    harness=None,
    scenario=timeout_scenario,
    modules=COMMON_MODULES,
    budget_s=3.0,
    checks=(
        Check("it waited for the stop", "returned after the stop", _waited,
              ("Your consumer returned before the stop.",
               "An empty queue is not a stop: on `queue.Empty`, loop and look at `stop` again.",
               "Notebook 04, `take_jobs_polling`.")),
        Check("every job taken was done", "each once", _every_job_done,
              ("A job your consumer took never reached `done()`.",
               "Once `get()` has returned a job, call `done(job)` before you look at `stop`.",
               "Notebook 04, `take_jobs_polling`.")),
        Check("every get() that blocks has a timeout", "every get() had a timeout", _timed_gets,
              ("One of your calls to `jobs.get()` can block for ever: nothing would wake it.",
               "`jobs.get(timeout=0.05)`, catching `queue.Empty`; in every thread.",
               "Notebook 04, `fixed-timeout` (TICK = 0.05).")),
        Check("stopped in time", "within 250 ms of the stop", _stopped_in_time,
              ("Your consumer saw the stop late: its waits are too long.",
               "`jobs.get(timeout=0.05)`: the stop is seen within 50 ms.",
               "Notebook 04, `fixed-timeout` (TICK = 0.05).")),
        Check("no busy polling while idle", "at most 250 wake-ups per second", _wakeups(250),
              ("Your consumer wakes up too often while idle: its timeout is too short.",
               "A timeout of 50 ms wakes it about 50 times a second; 1 ms, thousands.",
               "Notebook 04, `make bench`: the price of polling.")),
        Check("no CPU while idle", "at most 10% of a CPU", _cpu,
              ("Your consumer spins while idle.",
               "Use `jobs.get(timeout=0.05)`, not `get_nowait()` in a loop.",
               "Notebook 04, `take_jobs_polling`.")),
    ),
    lab_cell="Notebook 04, the `fixed-timeout` variant (`take_jobs_polling`)",
    ended_hints=(
        "Your consumer was still running after the stop: the wait named above never "
        "ended, or it never looked at `stop`.",
        "`jobs.get(timeout=0.05)`, catching `queue.Empty`, inside `while not stop.is_set():`.",
        "Notebook 04, `take_jobs_polling`."),
    moment_hints=(
        "The check never saw your consumer wait for a job.",
        "Take jobs with `jobs.get(timeout=...)` in a loop.",
        "Notebook 04, `take_jobs_polling`."),
)

EXERCISES = [READER, CONSUMER]
