"""Print outcomes for people: tables, the details of one run, the figures.

The one home of the suite's text tables (``grid``), value formats (``fmt``)
and terminal width (``width``): the lab tables here, the kill matrix's and
the benchmark's use them too.
"""
from __future__ import annotations

import html
import json
import shutil
import textwrap
from pathlib import Path

from labs.contract import registry, versions
from labs.show import timeline


def width() -> int:
    """The terminal's width in columns ($COLUMNS wins), 80 when unknown."""
    return shutil.get_terminal_size((80, 24)).columns


def fmt(value, *, yes_no: bool = False, seconds: bool = False) -> str:
    """A value as a table shows it. ``yes_no``: booleans as yes/NO and None as
    "-" (a cell that does not apply); ``seconds``: a duration in µs or ms."""
    if value is None and (yes_no or seconds):
        return "-"
    if isinstance(value, bool):
        return ("yes" if value else "NO") if yes_no else str(value)
    if seconds:
        return f"{value * 1e6:.0f} µs" if value < 1e-3 else f"{value * 1e3:.3g} ms"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


class Table(str):
    """A text table that Jupyter shows as an HTML table. It is the text
    (``print()``, a terminal, ``--json`` callers and nbval's text/plain see
    today's columns); a notebook cell that ends with one, or ``display()``s
    it, gets ``_repr_html_``: the display protocol pandas and matplotlib use.
    Cells wrap only at spaces, never inside a word."""

    def __new__(cls, text: str, head, rows, right=()):
        table = super().__new__(cls, text)
        table.head, table.rows, table.right = list(head), [list(r) for r in rows], set(right)
        return table

    def __repr__(self) -> str:  # what Jupyter shows as text/plain: the table itself
        return str(self)

    def _repr_html_(self) -> str:
        def cell(tag, value, i):  # JupyterLab right-aligns cells unless told
            align = "right" if i in self.right else "left"
            text = html.escape(str(value)).replace("\n", "<br>")
            return f'<{tag} style="text-align:{align}">{text}</{tag}>'
        head = "".join(cell("th", h, i) for i, h in enumerate(self.head))
        body = "".join("<tr>" + "".join(cell("th" if i == 0 and not self.head[0] else "td", v, i)
                                        for i, v in enumerate(r)) + "</tr>" for r in self.rows)
        return (f'<table style="overflow-wrap:normal; word-break:normal">'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def grid(head, rows, right=(), rule: bool = True) -> Table:
    """Columns two spaces apart, under a rule. A header wraps at its spaces
    onto lines of its own (so a column is as wide as its widest value or
    header word); a cell holding newlines spans lines. Columns whose index is
    in ``right`` are right-aligned; ``rule=False`` leaves out the rule."""
    cells = [[str(c).split("\n") for c in r] for r in rows]
    widths = [max([len(w) for w in str(h).split()] + [len(line) for r in cells for line in r[i]])
              for i, h in enumerate(head)]
    heads = [textwrap.wrap(str(h), w) or [""] for h, w in zip(head, widths)]
    depth = max(map(len, heads))
    heads = [[""] * (depth - len(h)) + h for h in heads]  # bottom-aligned

    def line(parts):
        return "  ".join(p.rjust(w) if i in right else p.ljust(w)
                         for i, (p, w) in enumerate(zip(parts, widths))).rstrip()

    lines = [line([h[k] for h in heads]) for k in range(depth)]
    if rule:
        lines.append(line(["-" * w for w in widths]))
    for r in cells:
        for k in range(max(map(len, r))):
            lines.append(line([c[k] if k < len(c) else "" for c in r]))
    return Table("\n".join(lines), head, rows, right)


def wrap(text: str, indent: str = "", columns: int | None = None, first: str | None = None) -> str:
    """A paragraph wrapped at words to the terminal's width; its lines start
    with ``indent``, its first line with ``first`` when given."""
    return textwrap.fill(text, columns or width(),
                         initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_on_hyphens=False,
                         break_long_words=False)


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


def table(outcomes, columns: int | None = None) -> Table:
    """One row per outcome; the facts wrap under their own column."""
    head = ("lab", "variant", "hazard", "ended", "facts")
    rows = []
    for o in outcomes:
        seen = "-" if o.hazard_observed is None else ("SEEN" if o.hazard_observed else "no")
        rows.append([o.lab, o.variant, seen, ending(o), key_facts(o)])
    used = sum(max(len(r[i]) for r in rows + [list(head)]) + 2 for i in range(4))
    room = max((columns or width()) - used, 30)
    for r in rows:
        r[4] = "\n".join(textwrap.wrap(r[4], room, break_on_hyphens=False) or [""])
    return grid(head, rows)


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


def facts_table(outcomes, keys=None) -> Table:
    """The facts that hold on every run (no timings, no ids), one column per
    outcome: what a notebook can print and nbval can compare. ``keys`` picks
    the facts that tell a story, in that order ("-" where a run has none)."""
    outcomes = list(outcomes)
    columns = [o.variant for o in outcomes]
    if keys is None:
        keys = []
        for o in outcomes:
            lab = registry.get_lab(o.lab)
            keys += [k for k in o.facts if not lab.is_volatile(k) and k not in keys]
    rows = [["hazard seen", *[fmt(o.hazard_observed) for o in outcomes]],
            ["ended", *[ending(o) for o in outcomes]]]
    if any(o.skipped for o in outcomes):  # say why, where the run would have been
        rows.append(["skipped", *[o.skipped or "-" for o in outcomes]])
    rows += [[k, *[fmt(o.facts.get(k, "-")) for o in outcomes]] for k in keys]
    return grid(["", *columns], rows, rule=False)


def timelines(outcomes):
    """Several outcomes' timelines, one under the other, on one time scale
    (the longest run's), so that bars of the same length mean the same time.
    Returns the figure (call plt.show() in a notebook)."""
    import matplotlib.pyplot as plt

    heights = [timeline.thread_rows(o) for o in outcomes]
    fig, axes = plt.subplots(len(outcomes), 1, squeeze=False, layout="constrained",
                             figsize=(timeline.WIDTH_IN, sum(0.5 * h + 1.1 for h in heights)),
                             gridspec_kw={"height_ratios": [max(h, 1) + 1 for h in heights]})
    until = max(timeline.time_span(o)[1] for o in outcomes)
    for ax, o in zip(axes[:, 0], outcomes):
        timeline.draw(o, ax, until=until)
    for ax in axes[:-1, 0]:
        ax.set_xlabel("")
    return fig


MEASURED = Path(__file__).with_name("versions_measured.json")  # written by make versions


def versions_table(lab: str, variant: str) -> Table:
    """The facts of one run that differ between Python versions, as
    ``make versions`` measured them on each release it found (one run each,
    labs/show/versions_measured.json): a column per release, whatever Python
    runs this notebook. The runs are ``versions.ACROSS_VERSIONS``."""
    keys = versions.ACROSS_VERSIONS[(lab, variant)]
    found = json.loads(MEASURED.read_text())["versions"] if MEASURED.exists() else {}
    run = f"{lab}/{variant}"
    def shown(value):
        if isinstance(value, bool):
            return "yes" if value else "no"
        return "-" if value is None else fmt(value)
    head = ["", *[v["release"] for v in found.values()]]
    rows = [[k, *[shown(v["facts"].get(run, {}).get(k)) for v in found.values()]] for k in keys]
    return grid(head, rows, rule=False)
