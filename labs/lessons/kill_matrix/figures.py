"""The matrix for people: a text table and a figure (runs in the parent)."""
from __future__ import annotations

import json
import sys
import time

from labs.lessons.kill_matrix.rows import COLUMNS, GOOD, run_matrix
from labs.show import tables, timeline

HEADS = {"busy_thread_stopped": "busy stopped", "blocked_thread_stopped": "blocked stopped",
         "lock_held_after_stop": "lock held after stop", "invariant_intact": "invariant intact",
         "task_kept": "task kept", "process_survived": "process survived",
         "stop_latency_s": "stop latency"}
# Notes worth a line under a row's summary: what a recipe did on its way.
TOLD = ("trace_cost", "join", "alarm", "private_stop", "pool", "cited")


def cell_text(row, column) -> str:
    if column == "stop_latency_s":
        return tables.fmt(row[column], seconds=True)
    star = "*" if column in row.get("caveats", {}) else ""
    if column in GOOD and row[column] is not None:  # where yes is the bad answer: YES/no
        return ("YES" if row[column] else "no") + star
    return tables.fmt(row[column], yes_no=True) + star


def table(matrix, latency=True, columns: int | None = None) -> str:
    """The matrix as text, fitted to ``columns`` (default: the terminal's
    width), wrapped at words. ``latency=False`` leaves out the one column
    that changes from run to run (the notebook prints that version); the
    settrace row's note, the traced loop's slowdown, is kept."""
    columns = columns or tables.width()
    shown = COLUMNS if latency else COLUMNS[:-1]
    rows = [[r["mechanism"]] + [cell_text(r, c) for c in shown] for r in matrix["rows"]]
    lines = [tables.grid(["mechanism"] + [HEADS[c] for c in shown], rows), ""]
    legend = ("yes/NO: measured, capitals where something broke; "
              "-: does not apply (the reason is in the notes, --json); "
              "*: stopped only because the whole process died or froze, or is_alive() "
              "lies about it")
    lines.append(tables.wrap(legend, columns=columns))
    for r in matrix["rows"]:
        lines.append(tables.wrap(r["summary"], columns=columns))
        for key in TOLD:
            if key in r["notes"]:
                note = r["notes"][key] if latency or key != "trace_cost" else stable_trace_cost(r)
                lines.append(tables.wrap(note, indent="    ", columns=columns))
    return "\n".join(lines)


def stable_trace_cost(row) -> str:
    """The settrace note without the ratio, which changes from run to run
    (5.7x on 3.11.7, 6x on 3.14.10, 7.2x on 3.15.2): a bound that holds."""
    x = row["measured"]["trace_slowdown_x"]
    bound = "more than twice as slow" if x > 2 else "slower"
    return (f"while nobody stopped anything, the trace function made the busy loop {bound} "
            "(CPU time, same loop untraced then traced, in one run; the ratio itself is "
            "in figures.table(m) and --json)")


CELL_COLORS = {"good": "#55a868", "bad": "#c44e52", None: "#c7c7c7", "caveat": "#e5ae38",
               "latency": "#9ecae1"}


def cell_look(row, column) -> tuple[str, str]:
    """(colour, text) of one cell of the figure."""
    value = row[column]
    if column == "stop_latency_s":
        return (CELL_COLORS[None], "-") if value is None else (
            CELL_COLORS["latency"], f"{value * 1000:.0f}")
    if value is None:
        return CELL_COLORS[None], "-"
    if column in row.get("caveats", {}):
        return CELL_COLORS["caveat"], f"{tables.fmt(value, yes_no=True)}:\n{row['caveats'][column]}"
    good = value == GOOD.get(column, True)
    return CELL_COLORS["good" if good else "bad"], tables.fmt(value, yes_no=True)


def row_label(row) -> str:
    slowdown = row.get("measured", {}).get("trace_slowdown_x")
    if "skipped" in row.get("notes", {}):  # the reason is in the table and the notes
        return row["mechanism"] + "\n(not run here)"
    return row["mechanism"] + (f"\n(loop {slowdown:g}x slower traced)" if slowdown else "")


def draw(matrix, ax=None):
    """The matrix as a coloured grid: green where nothing broke, red where
    something did, amber where the thread stopped only because the whole
    process died or froze (or is_alive() lies), grey where the cell does not
    apply. Returns the axes."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    rows = matrix["rows"]
    if ax is None:
        _, ax = plt.subplots(figsize=(timeline.WIDTH_IN, 0.55 * len(rows) + 2.2),
                             layout="constrained")
    for y, row in enumerate(rows):
        for x, column in enumerate(COLUMNS):
            color, text = cell_look(row, column)
            ax.add_patch(Rectangle((x, y), 1, 1, facecolor=color, edgecolor="white", lw=2))
            ax.text(x + 0.5, y + 0.5, text, ha="center", va="center",
                    fontsize=timeline.TEXT_PT)
    heads = dict(HEADS, stop_latency_s="stop latency (ms)")
    ax.set_xlim(0, len(COLUMNS))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([x + 0.5 for x in range(len(COLUMNS))],
                  [heads[c].replace(" ", "\n", 1) for c in COLUMNS], fontsize=timeline.TEXT_PT)
    ax.xaxis.tick_top()
    ax.set_yticks([y + 0.5 for y in range(len(rows))], [row_label(r) for r in rows],
                  fontsize=timeline.TEXT_PT)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.legend(handles=[Patch(color=CELL_COLORS["good"], label="held up"),
                       Patch(color=CELL_COLORS["bad"], label="broke"),
                       Patch(color=CELL_COLORS["caveat"],
                             label="stopped only as the process died or froze, or a ghost"),
                       Patch(color=CELL_COLORS[None], label="does not apply")],
              loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=2, fontsize=timeline.TEXT_PT,
              frameon=False)
    return ax


def progress_line(done, total, label) -> None:
    """run_matrix's progress, one line each on stderr."""
    print(f"matrix [{done}/{total}] {label}", file=sys.stderr, flush=True)


def main(as_json: bool = False, python: str | None = None) -> None:
    """The whole matrix, on ``python`` (default: this interpreter), as a
    table or JSON on stdout; progress on stderr."""
    started = time.monotonic()
    matrix = run_matrix(python=python, progress=progress_line)
    print(f"matrix: {len(matrix['rows'])} rows in {time.monotonic() - started:.1f} s",
          file=sys.stderr, flush=True)
    if as_json:
        print(json.dumps(matrix, indent=2))
    else:
        print("The kill matrix: each way to stop a thread, run in a sandboxed child\n")
        print(table(matrix))
