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
