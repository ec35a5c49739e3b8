"""Print outcomes for people: a table, the details of one run, the figures."""
from __future__ import annotations

from pathlib import Path

from labs import timeline


def fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def key_facts(outcome) -> str:
    if outcome.skipped:
        return f"skipped: {outcome.skipped}"
    if outcome.error:
        return "error: " + outcome.error.strip().splitlines()[-1]
    return ", ".join(f"{k}={fmt(v)}" for k, v in outcome.facts.items())


def ending(outcome) -> str:
    ex = outcome.exit
    if ex["timed_out"]:
        return "hung"
    if ex["signal"]:
        return f"killed by {ex['signal']}"
    return f"exit {ex['code']}"


def table(outcomes) -> str:
    rows = [("lab", "variant", "hazard", "ended", "facts")]
    for o in outcomes:
        seen = "-" if o.hazard_observed is None else ("SEEN" if o.hazard_observed else "no")
        rows.append((o.lab, o.variant, seen, ending(o), key_facts(o)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4])
    lines.insert(1, "-" * min(120, len(lines[0]) + 20))
    return "\n".join(lines)


def details(outcome) -> str:
    """Where each stuck thread was, for a run that hung."""
    if not outcome.stacks:
        return ""
    lines = [f"\n{outcome.lab} / {outcome.variant} hung; where each thread was stuck:"]
    for name, where in sorted(outcome.where_stuck().items()):
        lines.append(f"  {name:<12} {where}")
    return "\n".join(lines)


def save_figures(outcomes, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for o in outcomes:
        path = directory / f"{o.lab}-{o.variant}.png"
        timeline.save(o, path)
        paths.append(path)
    return paths
