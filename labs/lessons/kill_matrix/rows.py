"""The matrix's rows, built from sandboxed runs (runs in the parent).

``run_matrix`` runs every scenario of every row in its own sandboxed child,
a few rows at a time, and builds each row with ``cells``: every cell is read
off the run's facts, with a note wherever a cell is empty or needs a word
(the process died, the stop never landed, what a recipe raised).
"""
from __future__ import annotations

import concurrent.futures
import queue
import signal
import threading

from labs import sandbox
from labs.lessons.kill_matrix.measure import MECHANISMS, SCENARIOS, deadline
from labs.lessons.kill_matrix.processes import PROCESSES

COLUMNS = ("busy_thread_stopped", "blocked_thread_stopped", "lock_held_after_stop",
           "invariant_intact", "task_kept", "process_survived", "stop_latency_s")
GOOD = {"lock_held_after_stop": False}  # the value of a cell where nothing broke (else True)

# What a recipe measured on its way, kept in the row (``measured``) and told in a note.
RECIPE_FACTS = ("trace_slowdown_x", "alive_after_join_timeout", "alarm_raised", "alarm_message",
                "private_stop_raised", "private_stop_message", "is_alive_after_private_stop",
                "worker_exit_signal", "future_raised", "future_message")

# What another version does to a row, measured there (see labs/contract/versions.py),
# said under the row on every version. (The key "cited" is the notes' name.)
CITED = {
    "async-exc+signal": (
        "on 3.15 this row changes (measured on 3.15.2 with Debian's build; 3.11.7 and "
        "3.14.10 as here): PyErr_CheckSignals raises the exception scheduled by "
        "PyThreadState_SetAsyncExc, so the EINTR retry of the blocked recv breaks out and "
        "the blocked worker stops (gh-144748, 'PEP 475 EINTR retry paths don't check "
        "`tstate->async_exc`', fixed by PR #145178)"),
}


def cells(mechanism, runs) -> dict:
    """One row of the matrix from its three Outcomes: cells, notes, caveats
    (a cell whose value needs a word on the figure), measured, summary."""
    busy, blocked, midway = (runs[s] for s in SCENARIOS)
    notes, caveats = {}, {}
    row = {"mechanism": mechanism}
    process = mechanism in PROCESSES

    def stopped(o, column):
        f = o.facts
        if "stopped" in f:
            if f.get("python_thinks_alive"):
                notes[column] = ("its OS thread ended, but is_alive() stays True "
                                 "and join() never returns")
                caveats[column] = "is_alive() lies"
            return f["stopped"]
        if f.get("os_thread_gone_seen_by_parent") is not None:
            if f["os_thread_gone_seen_by_parent"]:
                notes[column] = "its OS thread ended, and the whole process froze with it"
                caveats[column] = "process froze"
            return f["os_thread_gone_seen_by_parent"]
        if f.get("ended", "").startswith("killed by"):
            notes[column] = f"it stopped because the whole process was {f['ended']}"
            caveats[column] = "process died"
            return True
        notes[column] = f"not measurable: the process {f.get('ended')} before it could look"
        return None

    row["busy_thread_stopped"] = stopped(busy, "busy_thread_stopped")
    row["blocked_thread_stopped"] = stopped(blocked, "blocked_thread_stopped")
    for column, fact in (("lock_held_after_stop", "lock_held_after_stop"),
                         ("invariant_intact", "invariant_ok"), ("task_kept", "task_kept")):
        if fact in midway.facts:
            row[column] = midway.facts[fact]
        else:
            row[column] = None
            notes[column] = (f"does not apply: the process was {midway.facts.get('ended')}, "
                             "and everything in it with the thread")
    if midway.facts.get("stop_landed") is False:
        for column in ("lock_held_after_stop", "invariant_intact", "task_kept"):
            row[column] = None
            notes[column] = ("does not apply: the stop never landed; the worker finished "
                             "its task, and the next one, once the window had passed")
    failed = {s: runs[s].facts["ended"] for s in SCENARIOS if not runs[s].facts["process_ok"]}
    row["process_survived"] = not failed
    if failed:
        notes["process_survived"] = "; ".join(f"{s}: {how}" for s, how in failed.items())
        if any(how == "hung at exit" for how in failed.values()):
            notes["process_survived"] += (" (the interpreter waits at exit for a thread "
                                          "that will never end)")
    elif process:
        notes["process_survived"] = "the worker process dies by design; the parent survived"
    latencies = [busy.facts.get("stop_latency_s", busy.facts.get("parent_latency_s")),
                 blocked.facts.get("stop_latency_s")]
    if row["busy_thread_stopped"] and row["blocked_thread_stopped"] and None not in latencies:
        row["stop_latency_s"] = max(latencies)
        notes["stop_latency_s"] = "the slower of the busy and the blocked stop"
    else:
        row["stop_latency_s"] = None
        notes["stop_latency_s"] = ("never stopped one of its workers"
                                   if False in (row["busy_thread_stopped"],
                                                row["blocked_thread_stopped"])
                                   else "the stop could not be timed: the process died or froze")
    interrupted = any(runs[s].facts.get("main_interrupted") for s in SCENARIOS)
    if interrupted:
        notes["main_interrupted"] = ("the signal's Python handler ran in the main thread: "
                                     "KeyboardInterrupt was raised there, not in the worker")
    if process:
        notes["worker"] = "the worker is a process here, not a thread"
    measured = {}  # the first scenario that measured a fact gives it
    for scenario in SCENARIOS:
        for key in RECIPE_FACTS:
            if key in runs[scenario].facts:
                measured.setdefault(key, runs[scenario].facts[key])
    row["measured"] = measured
    notes.update(recipe_notes(measured))
    if mechanism in CITED:
        notes["cited"] = CITED[mechanism]
    row["notes"] = notes
    row["caveats"] = caveats
    row["summary"] = summary(row, interrupted, failed)
    return row


def recipe_notes(m) -> dict:
    """What a recipe did on its way, in words, from its measured facts."""
    notes = {}
    if "trace_slowdown_x" in m:
        notes["trace_cost"] = (f"while nobody stopped anything, the trace function made the "
                               f"busy loop {m['trace_slowdown_x']:g}x slower (CPU time, same "
                               "loop untraced then traced, in one run)")
    if "alive_after_join_timeout" in m:
        notes["join"] = ("join(timeout) returned after its timeout with is_alive() "
                         f"{m['alive_after_join_timeout']}: it waits, it stops nothing")
    if m.get("alarm_raised"):
        notes["alarm"] = (f"signal.signal in the worker raised {m['alarm_raised']}: "
                          f"{m['alarm_message']!r}; the work then ran with no timeout")
    if "private_stop_raised" in m:
        what = (f"raised {m['private_stop_raised']}: {m['private_stop_message']!r}"
                if m["private_stop_raised"] else "returned without an error")
        notes["private_stop"] = (f"Thread._stop() on the running worker {what}; is_alive() "
                                 f"then read {m['is_alive_after_private_stop']}")
    if "future_raised" in m:
        died = (f"the worker process died by {m['worker_exit_signal']}"
                if m["worker_exit_signal"] else "the worker process was still running")
        notes["pool"] = (f"{died}; its future raised {m['future_raised']} "
                         f"({m['future_message']!r})" if m["future_raised"]
                         else f"{died}; its future raised nothing")
    return notes


def summary(row, interrupted=False, failed=None) -> str:
    """One sentence on what went wrong, composed from the measured cells."""
    wrong = []
    if row["busy_thread_stopped"] is False:
        wrong.append("did not stop the busy thread")
    if row["blocked_thread_stopped"] is False:
        wrong.append("did not stop the thread blocked in a C call")
    if interrupted:
        wrong.append("raised its exception in the main thread instead")
    if row["lock_held_after_stop"] is True:
        wrong.append("left the lock held")
    if row["invariant_intact"] is False:
        wrong.append("left the data half-updated")
    if row["task_kept"] is False:
        wrong.append("lost the task in hand")
    by_how: dict[str, list[str]] = {}
    for scenario, how in (failed or {}).items():
        by_how.setdefault(how, []).append(scenario)
    for how, scenarios in by_how.items():
        where = ("in every scenario" if len(scenarios) == len(SCENARIOS)
                 else "with the " + " and the ".join(scenarios) + " worker")
        what = {"froze": "froze the whole process",
                "hung at exit": "left the process hung at exit"}.get(
                    how, f"ended the whole process ({how})")
        wrong.append(f"{what} {where}")
    name = row["mechanism"]
    if not wrong:
        return (f"{name}: nothing went wrong; both workers stopped and the lock, data and "
                "task came through intact.")
    if len(wrong) > 1:
        wrong[-1] = "and " + wrong[-1]
    return f"{name}: it " + ", ".join(wrong) + "."


def run_row(mechanism, python=None, starting=None, under_way=None) -> dict:
    """One row: its three scenarios, one after the other, each in a sandboxed
    child; ``starting(name)``, if given, is called before each, and
    ``under_way``, if given, is told of each child (``_UnderWay``)."""
    runs = {}
    for scenario in SCENARIOS:
        name = f"{mechanism}.{scenario}"
        if under_way is not None and under_way.stopping:
            raise KeyboardInterrupt  # the matrix was interrupted: start no more
        if starting:
            starting(name)
        runs[scenario] = sandbox.run("kill-matrix", name, deadline=deadline(name), python=python,
                                     on_start=under_way.started if under_way else None)
        if runs[scenario].error:
            raise RuntimeError(f"matrix {name} failed in the child:\n{runs[scenario].error}")
        if runs[scenario].skipped:
            return skipped_row(mechanism, runs[scenario].skipped)
    return cells(mechanism, runs)


class _UnderWay:
    """The children of the rows that run side by side: when the caller is
    interrupted, ``stop`` kills each one that is still running (its row's
    sandbox then kills its group and reaps it) and no row starts another."""

    def __init__(self):
        self.stopping = False
        self._children = []
        self._lock = threading.Lock()

    def started(self, child) -> None:
        with self._lock:
            self._children.append(child)
            if self.stopping:
                _kill(child)

    def stop(self) -> None:
        with self._lock:
            self.stopping = True
            for child in self._children:
                _kill(child)


def _kill(child) -> None:
    try:
        child.signal(signal.SIGKILL)
    except OSError:  # ProcessLookupError, or ChildProcessError as its row reaps it
        pass  # it has ended: nothing of it to stop


def skipped_row(mechanism, reason) -> dict:
    row = {"mechanism": mechanism, **dict.fromkeys(COLUMNS)}
    row.update(notes={"skipped": reason}, caveats={}, measured={},
               summary=f"{mechanism}: not run here: {reason}.")
    return row


# Rows run side by side: their children mostly wait (a stop that never lands
# waits out its deadline), and each scenario is forced by the child's own
# Events, so a busy machine changes the latencies, not the verdicts.
PARALLEL = 3


def run_matrix(python=None, progress=None, mechanisms=None, parallel=PARALLEL) -> dict:
    """Every row, each scenario in its own sandboxed child, ``parallel`` rows
    at a time: about 20 s on 3.11.7 with 2 cores (INSTRUCTORS.md's table),
    more on 3.14+, which adds two rows. The rows come back in ``mechanisms``
    order. ``progress(done, total, label)``, if given, is called in the
    calling thread before each run (``label`` names it) and once at the end
    with done == total. Interrupted (Ctrl-C, Jupyter's stop button), it kills
    the children under way, starts no more and re-raises once every row's
    sandbox has reaped its child."""
    rows = mechanisms or MECHANISMS
    total = len(rows) * len(SCENARIOS)
    said = queue.SimpleQueue()  # a run's name as it starts; None as a row ends
    under_way = _UnderWay()
    with concurrent.futures.ThreadPoolExecutor(parallel, "matrix-row") as pool:
        try:
            futures = [pool.submit(run_row, m, python, said.put, under_way) for m in rows]
            for f in futures:
                f.add_done_callback(lambda _: said.put(None))
            done, left = 0, len(rows)
            while left:
                name = said.get()
                if name is None:
                    left -= 1
                    continue
                if progress:
                    progress(done, total, name)
                done += 1
        except BaseException:
            under_way.stop()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    if progress:
        progress(total, total, "done")
    return {"rows": [f.result() for f in futures]}
