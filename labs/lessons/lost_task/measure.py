"""Lesson 2 in the parent: the task ledger, the verdict.
"""
from __future__ import annotations

from labs.contract.lab import Lab
from labs.lessons.lost_task import scene

# ------------------------------------------------------------------ measure

def ledger(events: list[dict]) -> dict[int, list[tuple]]:
    """Task id -> its steps in order: [(t, step, thread name)]."""
    book: dict[int, list[tuple]] = {}
    for e in events:
        if e.get("kind") == "task":
            book.setdefault(e["id"], []).append((e["t"], e["step"], e["thread"]))
    return book


def ledger_facts(book: dict[int, list[tuple]]) -> dict:
    def count(n, step):
        return sum(1 for _, s, _ in book[n] if s == step)

    produced = sorted(n for n in book if count(n, "produced"))
    return {
        "tasks_total": len(produced),
        "tasks_done": sum(1 for n in produced if count(n, "done")),
        "tasks_lost": [n for n in produced if not count(n, "done")],
        "tasks_duplicated": [n for n in produced if count(n, "done") > 1],
        "tasks_taken_not_done": [n for n in produced
                                 if count(n, "taken") > count(n, "done") + count(n, "put back")],
        "tasks_put_back": [n for n in produced if count(n, "put back")],
    }


def fates(book: dict[int, list[tuple]]) -> dict[int, str]:
    """Task id -> what became of it, without who did it (that changes from
    run to run): "done", "put back, then done", "taken, never done", ..."""
    out = {}
    for n, steps in sorted(book.items()):
        done = sum(1 for _, s, _ in steps if s == "done")
        fate = ("never taken" if not any(s == "taken" for _, s, _ in steps)
                else "taken, never done" if not done
                else "done" if done == 1 else f"done {done} times")
        if any(s == "put back" for _, s, _ in steps):
            fate = "put back, then " + fate
        out[n] = fate
    return out


def summarize(outcome):
    """The ledger's facts, read off the whole run, even one that hung or
    ended with daemon threads mid-task."""
    facts = ledger_facts(ledger(outcome.timeline))
    if "join_returned" not in outcome.facts and join_never_returned(outcome):
        facts["join_returned"] = False
    return facts


def join_never_returned(outcome) -> bool:
    """Measured, not assumed: the main thread was still in ``q.join()`` at the
    deadline, or the program ended by itself without a join that returned. A
    run cut short elsewhere gets no ``join_returned`` (and so no verdict)."""
    main = [e["state"] for e in outcome.timeline
            if e.get("kind") == "state" and e["thread"] == "MainThread"]
    if outcome.exit["timed_out"]:
        return bool(main) and main[-1] == "in q.join()"
    return any(e.get("kind") == "end" for e in outcome.timeline)


def judge(facts, outcome):
    return bool(facts["tasks_lost"] or facts["tasks_duplicated"]
                or not facts["join_returned"] or outcome.exit["timed_out"])


def python_with_queue_shutdown() -> str | None:
    """An interpreter with Queue.shutdown() (3.13+) to run fixed-shutdown in:
    this one, a python3.13+ on PATH, or pyenv's latest 3.13; None if none."""
    import shutil
    import subprocess
    import sys

    candidates = [sys.executable] + [shutil.which(f"python3.{minor}") for minor in (13, 14, 15)]
    if shutil.which("pyenv"):
        found = subprocess.run(["pyenv", "prefix", "3.13"], capture_output=True, text=True)
        if found.returncode == 0:
            candidates.append(found.stdout.strip().splitlines()[-1] + "/bin/python")
    for exe in filter(None, candidates):
        try:
            ok = subprocess.run([exe, "-c", "import queue; queue.Queue.shutdown"],
                                capture_output=True, timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            continue
        if ok:
            return exe
    return None




def figure(outcome):
    """The timeline beside the task ledger (``figures.figure``; matplotlib is
    imported only when a figure is drawn)."""
    from labs.lessons.lost_task import figures
    return figures.figure(outcome)


LAB = Lab(
    id="lost-task",
    title="A consumer killed mid-task loses the task",
    hazard="a consumer stopped after get() and before task_done() loses its task; join() never returns",
    variants=scene.VARIANTS,
    judge=judge,
    # bad hangs in join() by design: it must have reported the kill first.
    requires=lambda variant: {"bad": ("victim_alive",),
                              "bad-daemon": ("daemon_consumers",)}.get(variant, ())
    + ("join_returned",),
    summarize=summarize,
    figure=figure,
    deadline_s=3.0,
)
