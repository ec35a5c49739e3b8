"""A schedule of the explorer (labs.practice.explore) as people read it: the
steps of one explored run as text (which thread did which operation, in
order), and drawn, one lane per thread.

Parent side. A run's steps are ``Run.explored["steps"]`` (Explorer.trace):
dicts with ``who``, ``letter`` (the letter chosen there; None where only
one thread could move), ``op``, ``outcome`` and ``notes`` (the thread's
call that ended with that step).
"""
from __future__ import annotations

from labs.show import tables


def letters_line(explored: dict) -> str:
    """``a = worker-1, b = worker-2``."""
    return ", ".join(f"{k} = {v}" for k, v in sorted(explored.get("letters", {}).items()))


def steps_table(explored: dict) -> tables.Table:
    """One row per step: its number, the letter that chose it (blank: that
    thread alone could move), the thread, the operation, what it gave; a
    call that ended there gets a row of its own under it."""
    rows, n = [], 0
    for s in explored["steps"]:
        if s["who"] == "grader":
            rows.append(("", "", "grader", s["op"], ""))
        else:
            n += 1
            rows.append((str(n), s["letter"] or "", s["who"], s["op"], s["outcome"]))
        for note in s["notes"]:
            rows.append(("", "", "", f"  ({note})", ""))
    return tables.grid(["step", "letter", "thread", "operation", "result"], rows, right=(0,))


def schedule_notes(explored: dict) -> list[str]:
    """What happened to the letters: where a letter named a thread that was
    not waiting, and where the letters ran out (then the thread that moved
    last goes on, else the first letter that can)."""
    out = []
    missed = explored.get("missed", ())
    if missed:
        out.append(f"choice(s) {', '.join(str(k + 1) for k in missed)}: the letter's thread "
                   "could not go there (it waits inside an operation, or has returned);\n"
                   "the thread that moved last went on instead (or the first letter that could)")
    if explored.get("past_end") is not None:
        out.append(f"the letters ran out at choice {explored['past_end'] + 1}: from there, "
                   "the thread that moved last went on\n(or, if it could not, the first "
                   "letter that could)")
    return out


def lanes(explored: dict) -> tuple[list[str], list[tuple]]:
    """(thread names in lane order, [(step number, lane, label, outcome,
    letter)]): the grader's moves get a lane of their own, at the top."""
    threads = [v for _, v in sorted(explored.get("letters", {}).items())]
    names = (["grader"] if any(s["who"] == "grader" for s in explored["steps"]) else []) \
        + threads
    out, n = [], 0
    for s in explored["steps"]:
        n += 1
        out.append((n, names.index(s["who"]), s["op"], s["outcome"], s["letter"]))
    return names, out


def draw(explored: dict, ax=None, title: str | None = None):
    """The run's steps as lanes, one column per thread (the grader's moves in
    a column of their own, at the left), time going down: step k is a row,
    its operation written in its thread's lane; the letter chosen there is
    in the margin; a step that raised or was still waiting at the end is
    red, one that waits grey. Returns the Axes."""
    import matplotlib.pyplot as plt

    from labs.show.timeline import TEXT_PT, WIDTH_IN

    names, marks = lanes(explored)
    if ax is None:
        _, ax = plt.subplots(figsize=(WIDTH_IN, 1.0 + 0.19 * len(marks)), layout="constrained")
    for lane in range(len(names)):
        ax.axvline(lane, color="#d9d9d9", lw=1, zorder=0)
    last = {}
    for k, lane, label, outcome, letter in marks:
        bad = outcome.startswith("raised") or outcome.startswith("still waiting")
        color = "#c44e52" if bad else ("#8c8c8c" if outcome == "waits" else "#1f3b63")
        if lane in last:  # the thread's own order: a line from its previous step
            ax.plot([lane, lane], [last[lane], k], color="#4c72b0", lw=2, alpha=0.3, zorder=1)
        last[lane] = k
        ax.scatter([lane], [k], s=18, color=color, zorder=3,
                   marker="s" if names[lane] == "grader" else "o")
        shown = label if outcome in ("", "waits") else f"{label} {outcome}"
        if outcome == "waits":
            shown += " (waits)"
        ax.text(lane + 0.06, k, shown, fontsize=TEXT_PT - 1, va="center", ha="left",
                color=color, clip_on=False)
        if letter:
            ax.text(-0.45, k, letter, fontsize=TEXT_PT, va="center", ha="center",
                    weight="bold")
    ax.set_xticks(range(len(names)), names, fontsize=TEXT_PT)
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, len(names) - 0.1)
    ax.set_ylim(len(marks) + 0.8, 0.2)
    ax.set_ylabel("step (left: the letter chosen there)", fontsize=TEXT_PT)
    ax.tick_params(axis="y", labelsize=TEXT_PT - 1)
    for side in ("right", "bottom"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, fontsize=TEXT_PT + 1)
    return ax
