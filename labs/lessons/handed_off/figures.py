"""Lesson 5 for the notebook: the task ledger as a table (parent).
"""
from __future__ import annotations

# ------------------------------------------------------------------ for the notebook

def ledger_table(outcome) -> str:
    """Every task of a run and how it ended, one line each."""
    lines = [f"{outcome.variant}:"]
    for n, state in enumerate(outcome.facts["ledger"], start=1):
        lines.append(f"  task {n}: {state}")
    return "\n".join(lines)


def asyncio_ps_table(outcome) -> str:
    """What ``python -m asyncio ps`` showed at each look of
    ``bad-wait-for-seen``: the task, where its coroutine waits, and which task
    awaits it (the thread and task ids change from run to run and are left
    out). A look that could not read the child says why; a run without looks
    (before 3.14), why."""
    from labs.show import tables

    if outcome.skipped:
        return f"{outcome.variant}: not run here: {outcome.skipped}"
    if outcome.facts.get("asyncio_ps_unavailable"):
        return (f"{outcome.variant}: no look from outside here: "
                f"{outcome.facts['asyncio_ps_unavailable']}")
    blocks = []
    for look in outcome.facts["asyncio_ps"]:
        if "error" in look:
            blocks.append(f"{look['label']}:\n  python -m asyncio ps could not read the child: "
                          f"{look['error']}")
            continue
        rows = [[r["task name"], r["coroutine stack"], r["awaiter name"] or "-"]
                for r in look["tasks"]]
        grid = tables.grid(["task", "where its coroutine waits", "awaited by"], rows)
        blocks.append(f"{look['label']}:\n{grid}")
    return "\n\n".join(blocks)
