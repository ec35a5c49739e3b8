"""Exercises for lab 4, blocking-io: a socket reader that stops at once
without polling; a queue consumer whose every blocking call has a timeout.

Both are graded by what the kernel says about the learner's thread while it
is idle (labs.procfs: its wake-ups; its CPU clock), and by how long it takes
to end once the stop is requested."""
from __future__ import annotations

import queue
import socket
import threading
import time

from labs.child import procfs, record
from labs.practice.exercises import Check, Exercise, ms

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


# ---------------------------------------------------------------- the consumer

def consumer_harness(rep, consumer):
    """``consumer(jobs, stop, done)`` in a thread. ``idle``: 5 jobs arrive
    with small random pauses; once all are done and the consumer sleeps, it
    is watched while idle, then ``stop`` is set (no wake-up: only a timeout
    lets it see the stop). ``busy``: the stop comes while jobs still arrive.
    ``before-first``: ``stop`` is set before it starts."""
    jobs, stop, did = queue.Queue(), threading.Event(), []
    if rep.mode == "before-first":
        stop.set()
    t = rep.thread("consumer", consumer, jobs, stop, did.append)
    record.state("waiting", thread=t)
    facts = {"alive_at_stop": True, "wakeups_per_s": None, "cpu_share": None}
    if rep.mode == "before-first":
        facts.update(stuck=rep.join([t]), latency_s=None)
    else:
        for n in range(5):
            jobs.put(n)
            rep.pause()
        if rep.mode == "idle":
            wait_idle(t, quiet=lambda: len(did) == 5)
            facts.update(watch_idle(t), alive_at_stop=t.is_alive())
        facts.update(stop_and_time(rep, t, stop.set))
    facts.update(jobs_done=sorted(did))
    return facts


def _jobs_done(f):
    if f["mode"] != "idle" or f["stuck"]:
        return None
    ok = f["jobs_done"] == list(range(5))
    return ok, "5 of 5, once each" if ok else f"done: {f['jobs_done']}"


CONSUMER = Exercise(
    id="blocking-io/timeout-consumer",
    lab="blocking-io",
    title="A queue consumer whose every blocking call has a timeout",
    statement=(
        "Write `consumer(jobs, stop, done)`. Take jobs from `jobs` (a `queue.Queue`) and "
        "call `done(job)` for each; return once `stop` (a `threading.Event`) is set, even "
        "while no job comes. Nobody will wake your thread: the stop is only a flag, so "
        "every blocking call needs a timeout.\n\n"
        "The check sends 5 jobs, waits until your consumer is idle, watches it (wake-ups "
        "and CPU), then sets `stop`. It must stop within 250 ms, wake up at most 100 "
        "times a second while idle, and not spin."),
    functions=("consumer",),
    signatures=(("jobs", "stop", "done"),),
    skeleton=(
        "def consumer(jobs, stop, done):\n"
        "    while not stop.is_set():\n"
        "        job = jobs.get()  # no timeout: it never sees the stop while idle\n"
        "        done(job)\n"),
    modes=("idle", "busy", "idle", "before-first"),
    harness=consumer_harness,
    checks=(
        Check("it waited for the stop", "still waiting", _waited,
              ("Your consumer returned before the stop.",
               "Loop `while not stop.is_set():`.", "Notebook 04, `take_jobs_polling`.")),
        Check("every job done", "5 of 5, once each", _jobs_done,
              ("Some jobs were not done.", "Call `done(job)` for every job you get.",
               "Notebook 04, `take_jobs_polling`.")),
        Check("stopped in time", "within 250 ms of the request", _latency(0.25),
              ("Your consumer saw the stop late: its timeout is too long.",
               "`jobs.get(timeout=0.05)`: the stop is seen within 50 ms.",
               "Notebook 04, `fixed-timeout` (TICK = 0.05).")),
        Check("no busy polling while idle", "at most 100 wake-ups per second", _wakeups(100),
              ("Your consumer wakes up too often while idle: its timeout is too short.",
               "A timeout of 50 ms wakes it 20 times a second; 1 ms, a thousand.",
               "Notebook 04, `make bench`: the price of polling.")),
        Check("no CPU while idle", "at most 10% of a CPU", _cpu,
              ("Your consumer spins while idle.",
               "Use `jobs.get(timeout=0.05)`, not `get_nowait()` in a loop.",
               "Notebook 04, `take_jobs_polling`.")),
    ),
    lab_cell="Notebook 04, the `fixed-timeout` variant (`take_jobs_polling`)",
    ended_hints=(
        "Your consumer was still blocked after the stop: a call without a timeout.",
        "`jobs.get(timeout=0.05)`, catching `queue.Empty`, inside `while not stop.is_set():`.",
        "Notebook 04, `take_jobs_polling`."),
)

EXERCISES = [READER, CONSUMER]
