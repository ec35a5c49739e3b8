"""Print outcomes for people: a table, the details of one run, the figures."""
from __future__ import annotations

from pathlib import Path

from labs import registry, timeline


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
    lab = registry.get_lab(outcome.lab)
    return ", ".join(f"{k}={fmt(v)}" for k, v in outcome.facts.items()
                     if not lab.is_volatile(k) or k.endswith("_s"))


def ending(outcome) -> str:
    ex = outcome.exit
    if ex["timed_out"]:
        return "hung"
    if ex["signal"]:
        return f"killed by {ex['signal']}"
    return f"exit {ex['code']}"


def table(outcomes, width: int | None = None) -> str:
    """One row per outcome; the facts wrap under their own column."""
    import shutil
    import textwrap

    width = width or max(shutil.get_terminal_size((110, 24)).columns, 80)
    rows = [("lab", "variant", "hazard", "ended", "facts")]
    for o in outcomes:
        seen = "-" if o.hazard_observed is None else ("SEEN" if o.hazard_observed else "no")
        rows.append((o.lab, o.variant, seen, ending(o), key_facts(o)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    indent = sum(widths) + 2 * 4
    lines = []
    for r in rows:
        facts = textwrap.wrap(r[4], max(width - indent, 30), break_on_hyphens=False) or [""]
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + facts[0])
        lines += [" " * indent + more for more in facts[1:]]
    lines.insert(1, "-" * min(width, indent + 40))
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
        if o.skipped:  # nothing ran: no figure
            continue
        path = directory / f"{o.lab}-{o.variant}.png"
        lab = registry.get_lab(o.lab)
        if lab.figure is None:
            timeline.save(o, path)
        else:
            import matplotlib.pyplot as plt
            fig = lab.figure(o)
            fig.savefig(path, dpi=100)
            plt.close(fig)
        paths.append(path)
    return paths


def facts_table(outcomes) -> str:
    """The facts that hold on every run (no timings, no ids), one column per
    outcome: what a notebook can print and nbval can compare."""
    columns = [o.variant for o in outcomes]
    keys: list[str] = []
    for o in outcomes:
        lab = registry.get_lab(o.lab)
        keys += [k for k in o.facts if not lab.is_volatile(k) and k not in keys]
    rows = [["", *columns], ["hazard seen", *[fmt(o.hazard_observed) for o in outcomes]],
            ["ended", *[ending(o) for o in outcomes]]]
    if any(o.skipped for o in outcomes):  # say why, where the run would have been
        rows.append(["skipped", *[o.skipped or "-" for o in outcomes]])
    rows += [[k, *[fmt(o.facts.get(k, "-")) for o in outcomes]] for k in keys]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def timelines(outcomes):
    """Several outcomes' timelines, one under the other, on one time axis.
    Returns the figure (call plt.show() in a notebook)."""
    import matplotlib.pyplot as plt

    heights = [timeline.thread_rows(o) for o in outcomes]
    fig, axes = plt.subplots(len(outcomes), 1, squeeze=False, layout="constrained",
                             figsize=(9, sum(0.5 * h + 1.1 for h in heights)),
                             gridspec_kw={"height_ratios": [max(h, 1) + 1 for h in heights]})
    for ax, o in zip(axes[:, 0], outcomes):
        timeline.draw(o, ax)
    for ax in axes[:-1, 0]:
        ax.set_xlabel("")
    return fig


def grid(rows: list[list[str]]) -> str:
    """Rows of cells as aligned text, the first row a header, a rule under it."""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)
