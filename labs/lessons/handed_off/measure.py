"""Lesson 5 in the parent: the Ctrl-C driver, the task ledger, the verdict.
"""
from __future__ import annotations

import signal
import subprocess

from labs.contract.lab import Lab
from labs.contract.outcome import MissingFact
from labs.lessons.handed_off import scene

# ------------------------------------------------------------------ parent side

def send_ctrl_c(event: dict, child) -> None:
    """Driver: press Ctrl-C (SIGINT to the child) when the child asks.
    Child.signal refuses any process that is not the lab's child."""
    if event.get("kind") == scene.CTRL_C:
        child.signal(signal.SIGINT)


# What ``python -m asyncio ps`` showed of each child, kept by the driver for
# summarize, keyed by the child's pid: both run in the parent, one after the
# other, for the same run (as the kill matrix's driver does).
_LOOKS: dict[int, list[dict]] = {}
PS_TIMEOUT_S = 2.0  # shorter than the run's deadline: a look never outlives its child
LOOKED = "bad-wait-for-seen"
PS_COLUMNS = ("task name", "coroutine stack", "awaiter chain", "awaiter name")


def look_with_asyncio_ps(event: dict, child) -> None:
    """Driver: when the child asks, run ``python -m asyncio ps PID`` with the
    child's own interpreter, keep what it printed (or why it could not), then
    let the child go on (SIGUSR1). The command reads the child's memory from
    outside (process_vm_readv): it needs the right to trace the child."""
    if event.get("kind") != scene.LOOK:
        return
    look = {"label": event.get("label")}
    try:
        done = subprocess.run([child.python, "-m", "asyncio", "ps", str(child.pid)],
                              capture_output=True, text=True, timeout=PS_TIMEOUT_S)
        tasks = ps_rows(done.stdout)
        if done.returncode == 0 and tasks is not None:
            look["tasks"] = tasks
        else:
            look["error"] = (done.stderr.strip() or done.stdout.strip() or
                             f"exit {done.returncode}").splitlines()[-1]
    except (OSError, subprocess.TimeoutExpired) as why:
        look["error"] = f"{type(why).__name__}: {why}"
    _LOOKS.setdefault(child.pid, []).append(look)
    try:
        child.signal(signal.SIGUSR1)
    except ProcessLookupError:  # the child reached its deadline meanwhile
        pass


def ps_rows(text: str) -> list[dict] | None:
    """The table ``python -m asyncio ps`` prints, as rows of PS_COLUMNS (the
    thread and task ids change from run to run, and are left out). Columns are
    cut where the header's names start (the command pads each column and
    never cuts a value). None when there is no such table, or a value
    overflowed its column."""
    lines = text.splitlines()
    head = next((i for i, line in enumerate(lines) if line.startswith("tid")), None)
    if head is None:
        return None
    header = lines[head]
    names = ("tid", "task id", *PS_COLUMNS, "awaiter id")
    starts = [header.index(n) for n in names]
    rows = []
    for line in lines[head + 1:]:
        if not line.strip() or set(line.strip()) == {"-"}:
            continue
        if any(line[a - 1:a] not in ("", " ") for a in starts[1:]):
            return None  # a value wider than its column: the cut would lie
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
        rows.append(dict(zip(PS_COLUMNS, cells[2:6])))
    return rows


def ledger(events: list[dict]) -> dict[int, dict]:
    """Task -> {"started": t, "units": [t, ...], "end": step or None, "end_t"}."""
    tasks: dict[int, dict] = {}
    for e in events:
        if e.get("kind") != "task":
            continue
        rec = tasks.setdefault(e["id"], {"started": None, "units": [], "end": None, "end_t": None})
        if e["step"] == "started":
            rec["started"] = e["t"]
        elif e["step"] == "unit":
            rec["units"].append(e["t"])
        else:
            rec["end"], rec["end_t"] = e["step"], e["t"]
    return tasks


def task_state(rec: dict) -> str:
    """How a task ended: done, stopped (at a check), cancelled (never ran),
    or cut off: started and never finished, i.e. half done."""
    if rec["end"] in ("done", "stopped", "cancelled"):
        return rec["end"]
    return "cut off" if rec["started"] is not None else "never ran"


def stop_time(events: list[dict]) -> float:
    for e in events:
        if e.get("kind") == "mark" and e.get("stop"):
            return e["t"]
    # The run ended before it asked its tasks to stop: no verdict.
    raise MissingFact("stop_requested")


# The frames that tell where a thread waits, whatever the Python version
# (the frames around them differ from one version to the next).
STORY_FRAMES = {"_shutdown", "_python_exit", "__exit__", "shutdown", "join",
                "run_pool_until_done", "task", "work", "work_until_stopped"}


def where_waits(outcome) -> dict[str, str]:
    """Thread name -> its story frames in the stack dump, outermost first,
    e.g. "threading._shutdown > concurrent.futures.thread._python_exit >
    threading.join"."""
    chains = {}
    for th in outcome.threads_in_dump():
        names = []
        for path, _, func in reversed(th["frames"]):
            if func in STORY_FRAMES:
                module = path.split("/", 1)[-1].removesuffix(".py").replace("/", ".")
                names.append(f"{module}.{func}")
        chains[th["name"]] = " > ".join(names)
    return chains


def summarize(outcome):
    events = outcome.timeline
    stop_t = stop_time(events)
    tasks = ledger(events)
    running = [n for n, r in tasks.items() if r["started"] is not None and r["started"] < stop_t
               and (r["end_t"] is None or r["end_t"] > stop_t)]
    after = {n: sum(t > stop_t for t in tasks[n]["units"]) for n in running}
    # A cooperative task may finish the unit it had in hand: one unit, no more.
    ran_on = [n for n in running if after[n] > 1]
    stopped = bool(running) and all(task_state(tasks[n]) == "stopped" and after[n] <= 1
                                    for n in running)
    facts = {
        "ledger": [task_state(tasks[n]) for n in sorted(tasks)],
        "running_at_stop": len(running),
        "running_task_stopped": stopped,
        "tasks_ran_on": len(ran_on),
        "tasks_half_done": sum(task_state(r) == "cut off" for r in tasks.values()),
        "pending_cancelled": sum(r["end"] == "cancelled" for r in tasks.values()),
        "keyboard_interrupt_in": sorted({e["thread"] for e in events
                                         if e.get("kind") == "interrupt"}),
        "process_exited": outcome.exit["code"] == 0 and not outcome.exit["timed_out"],
        "main_returned": any(e.get("kind") == "end" for e in events),
    }
    if stopped:
        latency = max(tasks[n]["end_t"] for n in running) - stop_t
        facts["stop_latency_s"] = round(latency, 6)
        facts["stopped_within_bound"] = latency <= scene.STOP_BOUND_S
    else:
        facts["stopped_within_bound"] = False
    if outcome.variant == LOOKED:  # [] where the child could not ask (before 3.14)
        pid = next((e.get("pid") for e in events if e["kind"] == "start"), None)
        facts["asyncio_ps"] = _LOOKS.pop(pid, [])
    if outcome.exit["timed_out"]:
        # Only the main thread's place: it is blocked, so its stack in the dump
        # is exact. A worker is caught mid-loop, and faulthandler reads a
        # running thread's frames without stopping it: on a loaded machine
        # they came out incomplete in 2 of 121 dumps (3.14.10).
        facts["main_waits_in"] = where_waits(outcome).get("MainThread")
    return facts


def judge(facts, outcome):
    """The hazard: a task that was asked to stop did not stop (it ran on, or
    was cut off half done), or the program could not end by itself."""
    return not (facts["running_task_stopped"] and facts["tasks_half_done"] == 0
                and facts["process_exited"])


REQUIRES = {
    "bad-cancel": ("cancel_running_returned", "running_cancelled"),
    "bad-wait-for": ("await_timed_out", "run_waited_for_thread"),
    LOOKED: ("await_timed_out", "run_waited_for_thread", "asyncio_ps",
             "asyncio_ps_unavailable"),
    "fixed-wait-for": ("await_timed_out", "run_waited_for_thread"),
    "bad-join-timeout": ("join_returned", "alive_after_join"),
    "fixed-join": ("join_returned", "alive_after_join"),
}


def requires(variant: str) -> tuple:
    return ("ledger", "running_task_stopped", "tasks_half_done", "process_exited",
            *REQUIRES.get(variant, ()))


LAB = Lab(
    id="handed-off",
    title="Work handed to a pool, a future or asyncio cannot be taken back",
    hazard="cancel(), a timeout, join(timeout) or Ctrl-C stop the waiting, not the work",
    variants=scene.VARIANTS,
    judge=judge,
    requires=requires,
    summarize=summarize,
    drivers={"bad-ctrl-c": send_ctrl_c, "fixed-ctrl-c": send_ctrl_c,
             LOOKED: look_with_asyncio_ps},
    deadline_s=scene.DEADLINE_S,
)
