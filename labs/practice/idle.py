"""The kernel's view of a learner's process while it waits for nothing: how
often its threads wake up and how much CPU they use (``/proc``: voluntary
context switches, schedstat), with the grader's CPU spent answering its
calls. timeout-consumer's and wakeup-reader's idle checks read it. Not
stop-one's spin check, which reads the ledger (ex_signal_target._watch_spin):
beside 5 busy processes the kernel could not tell a loop that spins on
``get_nowait()`` from one that polls every 1 ms, both of them waiting for
a CPU most of the time (thirty-third session)."""
from __future__ import annotations

import collections
import time

from labs.child import procfs

WINDOW_S = 0.25  # how long the idle process is watched (a measuring window)


def kernel_counts(pid: int, pids: list | None = None) -> dict:
    """What the kernel says of every thread of process ``pid`` and of the
    processes below it (what the learner's code forked counts as its own;
    ``pids``: those found by an earlier call, not looked for again): voluntary
    context switches (wake-ups of a thread that waits), CPU time in ns
    (schedstat), the thread ids, and the processes' CPU time (``procfs.cpu_s``:
    it includes threads that have ended)."""
    t0 = time.monotonic()
    switches = cpu = 0
    tids, process_cpu = set(), 0.0
    pids = procfs.with_descendants(pid) if pids is None else pids
    for p in pids:
        mine = set(procfs.tids(p))
        tids |= mine
        process_cpu += procfs.cpu_s(p)
        for t in mine:
            try:
                with open(f"/proc/{p}/task/{t}/status") as f:
                    switches += sum(int(line.split()[1]) for line in f
                                    if line.startswith("voluntary_ctxt_switches"))
            except (OSError, ValueError, IndexError):
                pass  # a thread that ended meanwhile: the process's ticks still count it
            cpu += (procfs.schedstat(p, t) or (0, 0))[0]
    return {"switches": switches, "cpu_ns": cpu, "tids": tids, "pids": pids,
            "process_cpu_s": process_cpu, "t0": t0, "t": time.monotonic()}


def idle_rates(before: dict, after: dict, queued: float = 0.0, calls: int = 0,
               served: float = 0.0, paced: float = 0.0) -> dict:
    """Wake-ups per second and share of a CPU between two ``kernel_counts``.
    A thread that started or ended in between counts as a wake-up; and since
    a thread that ended took its own count of wake-ups with it, the count is
    then a floor, not a measure: ``turnover`` says how many threads came and
    went, and the wake-up checks fail on it (a chain of short-lived pollers
    would otherwise hide its polling). ``queued``: seconds the threads that
    make the wake-ups (the learner's, and the grader's that answer them)
    waited for a CPU meanwhile: a loaded machine's time, not counted (down
    to a quarter of the window at most): a spinner slowed by the load is
    measured per second it could run. ``calls``: the learner's
    operations in the window, the grader's count: each is a wake-up, even
    when the kernel did not count one (on a loaded machine a reply can be
    there before the thread waits for it: no voluntary switch). ``served``:
    CPU seconds the grader spent answering them, counted with the learner's
    own (a spinner's calls cost about as much on each side). ``paced``:
    seconds the learner's thread that called most in the window, and the
    grader's that served it, waited for a CPU meanwhile (``queued_conns``):
    the wake-ups are counted per second of the window less that time, the
    pace the code asked for (its timeouts, its work and the grader's)."""
    real = max(after["t"] - before["t"], 1e-3)
    span = max(real - max(0.0, queued), real / 4)
    paced_span = max(real - max(0.0, paced), real / 4)
    switches = max(after["switches"] - before["switches"], calls)
    churn = len(before["tids"] ^ after["tids"])
    cpu_s = max((after["cpu_ns"] - before["cpu_ns"]) / 1e9,
                after["process_cpu_s"] - before["process_cpu_s"] - 0.02) + max(0.0, served)
    # Wake-ups per second of the window at the pace the code asked for: the
    # time one thread (with its server) waited for a CPU is taken out, since a
    # loop slowed by the load wakes less often per second as it passed (beside
    # 6 spinners a 5 ms poller measured 286 to 596 a second as it passed, and
    # passed 1 grading in 6; less that time, 407 to 789 in 10 gradings, failing
    # each; a right 10 ms loop 304 to 409: thirtieth session). Not the time all threads waited: that
    # counts overlapping waits twice over (a right 10 ms loop measured 462 a
    # second on a loaded 3.11 so, twenty-fifth session). A spinner is what the
    # CPU share catches, per second it could run.
    return {"wakeups_per_s": round((switches + churn) / paced_span),
            "cpu_share": round(max(cpu_s, 0.0) / span, 3), "turnover": churn}


def turnover(idle: dict) -> str | None:
    n = idle.get("turnover", 0)
    return (f"{n} thread(s) started or ended while idle (an idle reader or consumer "
            "waits; a thread that ended took its wake-ups with it)") if n else None


def watch_process(rep, stop_watching=lambda: False) -> dict | None:
    """The learner's process, watched by the kernel for WINDOW_S while the
    grader holds everything back (a grader's hold: not the learner's
    budget). None when the process was gone."""
    pid, a = rep.session.pid, rep.arena
    before, queued, served, seq = kernel_counts(pid), rep.queued_run(), rep.served_run(), a.seq
    waited = rep.queued_conns()
    rep.hold(WINDOW_S)
    a.wait_for(lambda: stop_watching(), WINDOW_S)  # the window itself, not a synchronisation
    after, queued = kernel_counts(pid), rep.queued_run() - queued
    served = rep.served_run() - served
    waited = {c: s - waited.get(c, 0.0) for c, s in rep.queued_conns().items()}
    if not before["tids"] or not after["tids"]:
        return None
    with a.cond:
        mine = [r for r in rep.ledger() if r.seq > seq and r.kind not in ("Rep", "Grader")]
    by_conn = collections.Counter(r.conn for r in mine)
    busiest = max(by_conn, key=by_conn.get, default=None)
    return idle_rates(before, after, queued, len(mine), served, waited.get(busiest, 0.0))
