"""A graded class, for people: the terminal's table and report.html.

The gradings come from labs.practice.classroom (``Grading``: learner,
exercise, status, the first failed check with its hints, every check that
failed). report.html is one self-contained page: its figures are PNGs inside
it (data: URIs), its style is inline, it loads nothing from the web.
"""
from __future__ import annotations

import base64
import html
import io
import textwrap
from collections import Counter

from labs.show import tables, timeline

ENDED_EARLY = "the check ran to its end"


def text_table(rows, exercise_ids, columns: int | None = None) -> str:
    """Learner x exercise: pass, or the first failed check in a few words.
    Too wide for the terminal, it becomes one line per learner and exercise."""
    columns = columns or tables.width()
    learners = list(dict.fromkeys(g.learner for g in rows))
    by = {(g.learner, g.exercise): g for g in rows}
    name_w = max([len("learner")] + [len(n) for n in learners]) + 2
    room = (columns - name_w) // max(len(exercise_ids), 1) - 2
    cell_w = max([min(room, 32), 22] + [len(e) for e in exercise_ids])
    if name_w + (cell_w + 2) * len(exercise_ids) <= columns:
        rows_out = []
        for learner in learners:
            cells = ["\n".join(textwrap.wrap(by[(learner, e)].few_words(2 * cell_w), cell_w,
                                             break_on_hyphens=False)) for e in exercise_ids]
            rows_out.append([learner] + cells)
        head = ["learner"] + list(exercise_ids)
        return str(tables.grid(head, rows_out))
    rows_out = []
    for learner in learners:
        for i, e in enumerate(exercise_ids):
            rows_out.append([learner if i == 0 else "", e, by[(learner, e)].few_words(40)])
    return str(tables.grid(["learner", "exercise", "result"], rows_out))


# ---------------------------------------------------------------- the figure

def failures_figure(ex_id: str, counts: list[tuple[str, int, int]]) -> str:
    """Failures per check, as a PNG data: URI. ``counts``: (check, failed
    it in some run, was the first failure)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [textwrap.shorten(c, 48, placeholder="...") for c, _, _ in counts]
    height = 0.42 * len(counts) + 1.4
    fig, ax = plt.subplots(figsize=(timeline.WIDTH_IN, height), layout="constrained")
    y = list(range(len(counts)))[::-1]
    ax.barh(y, [a for _, a, _ in counts], color="#f4b6b6", label="failed it in some run")
    ax.barh(y, [f for _, _, f in counts], height=0.45, color="#b22222",
            label="its first failure")
    ax.set_yticks(y, names, fontsize=timeline.TEXT_PT)
    ax.set_xlabel("submissions", fontsize=timeline.TEXT_PT)
    ax.tick_params(axis="x", labelsize=timeline.TEXT_PT)
    top = max([a for _, a, _ in counts] + [1])
    ax.set_xlim(0, top + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"{ex_id}: failures per check", fontsize=timeline.TEXT_PT + 1)
    ax.legend(fontsize=timeline.TEXT_PT, loc="lower right")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


# ---------------------------------------------------------------- the page

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1100px;
       padding: 0 1em; color: #222; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; table-layout: fixed;
        overflow-wrap: anywhere; margin: 0.6em 0 1.2em; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.45em; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
td.pass { background: #e6f4e6; } td.fail, td.stopped, td.grader-error { background: #fbe3e3; }
td.cannot-run { background: #fdf0d5; } td.not-attempted { color: #777; }
td.num { text-align: right; }
img { max-width: 100%; height: auto; display: block; }
code { font-size: 0.95em; }
.note { color: #555; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } }
"""


def _e(text) -> str:
    return html.escape(str(text))


def _code(text: str) -> str:
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def exercise_stats(rows, ex_id: str) -> dict:
    mine = [g for g in rows if g.exercise == ex_id]
    status = Counter(g.status for g in mine)
    checks: list[str] = []
    for g in mine:
        for c in g.checks + g.failed_checks:
            if c not in checks:
                checks.append(c)
    failed = Counter(c for g in mine for c in set(g.failed_checks))
    first = Counter(g.first["check"] for g in mine if g.first and g.status != "pass")
    common = None
    if first:
        check, n = first.most_common(1)[0]
        examples = [g for g in mine if g.first and g.first["check"] == check]
        said = Counter(g.first["measured"] for g in examples).most_common(1)[0][0]
        common = {"check": check, "count": n, "measured": said,
                  "hints": examples[0].first.get("hints", [])}
    return {"rows": mine, "status": status, "checks": checks, "failed": failed,
            "first": first, "common": common}


def html_report(rows, exercise_ids, meta: dict) -> str:
    from labs.practice import exercises

    learners = list(dict.fromkeys(g.learner for g in rows))
    by = {(g.learner, g.exercise): g for g in rows}
    out = [f"<h1>Class report: {len(learners)} submissions, {len(exercise_ids)} exercises</h1>",
           f"<p class=note>Graded from <code>{_e(meta.get('submissions', ''))}</code> on "
           f"{_e(meta.get('graded_at', ''))} with Python {_e(meta.get('python', ''))}: "
           f"each check run {_e(meta.get('runs', ''))} times in a sandboxed child, "
           f"{_e(meta.get('elapsed_s', ''))} s in all. A cell reads <i>pass</i>, or the first "
           "check that failed (hover for what was measured). Every row is in "
           "<code>grades.csv</code>.</p>"]
    # the class table
    head = "".join(f"<th>{_e(e)}</th>" for e in exercise_ids)
    body = []
    for learner in learners:
        cells = []
        for e in exercise_ids:
            g = by[(learner, e)]
            cells.append(f'<td class="{g.status.replace(" ", "-")}" title="{_e(g.why())}">'
                         f"{_e(g.few_words(60))}</td>")
        passed = sum(by[(learner, e)].passed for e in exercise_ids)
        body.append(f"<tr><th>{_e(learner)}</th>{''.join(cells)}"
                    f"<td class=num>{passed}/{len(exercise_ids)}</td></tr>")
    out.append(f"<h2 id=class>The class</h2><table><thead><tr><th style='width:8em'>learner</th>{head}"
               f"<th style='width:4em'>passed</th></tr></thead><tbody>{''.join(body)}"
               "</tbody></table>")
    # per exercise
    for e in exercise_ids:
        ex = exercises.get(e)
        st = exercise_stats(rows, e)
        anchor = e.replace("/", "-")
        counts = ", ".join(f"{n} {s}" for s, n in sorted(st["status"].items()))
        out.append(f"<h2 id={anchor}>{_e(e)}: {_e(ex.title)}</h2><p>{_e(counts)}.</p>")
        if st["common"]:
            c = st["common"]
            hints = "".join(f"<li>{_code(h)}</li>" for h in c["hints"])
            tied = sum(n == c["count"] for n in st["first"].values()) > 1
            out.append(f"<p>The most common first failure ({c['count']} of "
                       f"{sum(st['first'].values())} failing"
                       + (", tied with others listed below" if tied else "")
                       + f"): <b>{_e(c['check'])}</b>, "
                       f"measured <i>{_e(c['measured'])}</i>. Its hints, general to "
                       f"concrete:</p><ol>{hints}</ol>")
        if st["checks"]:
            graded = sum(1 for g in st["rows"] if g.checks)
            trs = "".join(f"<tr><td>{_e(c)}</td><td class=num>{st['failed'][c]}</td>"
                          f"<td class=num>{st['first'][c]}</td></tr>" for c in st["checks"])
            out.append(f"<table><thead><tr><th>check ({graded} submissions ran)</th>"
                       "<th style='width:9em'>failed it</th><th style='width:9em'>"
                       f"first failure</th></tr></thead><tbody>{trs}</tbody></table>")
            failing = [(c, st["failed"][c], st["first"][c]) for c in st["checks"]
                       if st["failed"][c] or st["first"][c]]
            if failing:
                out.append(f'<img alt="{_e(e)}: failures per check" '
                           f'src="{failures_figure(e, failing)}">')
        others = [g for g in st["rows"] if g.status in ("cannot run", "stopped", "grader error")]
        if others:
            items = "".join(f"<li><b>{_e(g.learner)}</b>: {_e(g.status)}: {_e(g.why())}</li>"
                            for g in others)
            out.append(f"<p>Not graded to the end:</p><ul>{items}</ul>")
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width, initial-scale=1'>"
            "<link rel=icon href='data:,'>"
            f"<title>Class report</title><style>{STYLE}</style></head><body>"
            + "\n".join(out) + "</body></html>\n")
