"""Lesson 2's figure: the task ledger beside the timeline (parent).
"""
from __future__ import annotations

from labs.lessons.lost_task.measure import ledger, ledger_facts
from labs.show import timeline

# ------------------------------------------------------------------ draw (parent)

CONSUMER_COLORS = {"consumer-1": "#4c72b0", "consumer-2": "#dd8452", "consumer-3": "#8172b3"}
LOST_COLOR = "#c44e52"
DONE_COLOR = "#55a868"


def draw_ledger(outcome, ax=None):
    """One row per task: produced (dot), held by a consumer (a bar in its
    colour), then done (plus), put back (triangle) or lost (red cross). The
    time axis is the timeline's (timeline.draw), so the two sit side by side."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    events = [e for e in outcome.timeline if e.get("t") is not None]
    t0 = min([e["t"] for e in events if e["kind"] == "state"], default=0.0)
    end_t = max([e["t"] for e in events] + [outcome.child_elapsed_s or 0.0]) - t0
    book = {n: [(t - t0, step, who) for t, step, who in steps]
            for n, steps in ledger(events).items()}
    ids = sorted(book)
    if ax is None:
        _, ax = plt.subplots(figsize=(timeline.WIDTH_IN, ledger_height(outcome)),
                             layout="constrained")

    def bar(n, start, stop, who, lost=False):
        ax.broken_barh([(start, max(stop - start, 1.5e-5))], (n - 0.3, 0.6),
                       color=CONSUMER_COLORS.get(who, "#8c8c8c"),
                       hatch="//" if lost else None, alpha=0.6 if lost else 1.0)

    for n in ids:
        held_since, story = {}, []
        for t, step, who in book[n]:
            if step == "produced":
                ax.plot(t, n, "o", color="black", markersize=3)
            elif step == "taken":
                held_since[who] = t
            elif step in ("done", "put back"):
                bar(n, held_since.pop(who, t), t, who)
                ax.plot(t, n, "^" if step == "put back" else "P", markersize=6,
                        color="black" if step == "put back" else DONE_COLOR)
                story.append(f"{who}: {step}")
        for who, start in held_since.items():  # taken, never done: held to the end
            bar(n, start, end_t, who, lost=True)
            story.append(f"{who}: taken, never done")
        lost = not any(step == "done" for _, step, _ in book[n])
        if lost:
            ax.plot(end_t, n, "X", color=LOST_COLOR, markersize=8)
        ax.annotate(", ".join(story) or "never taken", (1.01, n), xycoords=("axes fraction", "data"),
                    va="center", fontsize=timeline.TEXT_PT, color=LOST_COLOR if lost else "black")
    ax.set_xscale("symlog", linthresh=timeline.LINEAR_UNTIL_S, linscale=1.5)
    ax.set_xlim(0, max(end_t, timeline.LINEAR_UNTIL_S) * 1.05)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 1000:g} ms"))
    ax.set_yticks(ids, [f"task {n}" for n in ids])
    ax.set_ylim(max(ids, default=1) + 0.7, min(ids, default=1) - 0.7)
    ax.set_xlabel("time since the first thread started (linear to 1 ms, then log)")
    facts = ledger_facts(ledger(events))
    ax.set_title(f"ledger: {facts['tasks_done']} of {facts['tasks_total']} tasks done, "
                 f"{len(facts['tasks_lost'])} lost", fontsize=10)
    seen = {step for n in ids for _, step, _ in book[n]}  # the legend: what occurs
    seen |= {"lost"} if facts["tasks_lost"] else set()
    holders = {who for n in ids for _, step, who in book[n] if step == "taken"}
    handles = [Patch(color=c, label=f"held by {name}") for name, c in CONSUMER_COLORS.items()
               if name in holders]
    handles += [Line2D([], [], marker=m, color=c, linestyle="", markersize=ms, label=label)
                for m, c, ms, label in [("o", "black", 3, "produced"), ("P", DONE_COLOR, 6, "done"),
                                        ("^", "black", 6, "put back"), ("X", LOST_COLOR, 8, "lost")]
                if label in seen]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4,
              fontsize=timeline.TEXT_PT, frameon=False)
    return ax


def ledger_height(outcome) -> float:
    """Inches for one ledger: a fifth of an inch a task, and room for the
    title, the time axis and the legend below it."""
    tasks = len(ledger([e for e in outcome.timeline if e.get("t") is not None]))
    return 0.22 * max(tasks, 1) + 2.2


def figure(outcome):
    """The timeline (top) over the ledger (below), on the same time axis.
    Returns the figure (call plt.show() in a notebook)."""
    import matplotlib.pyplot as plt

    top, below = timeline.figure_size(outcome)[1], ledger_height(outcome)
    fig, (upper, lower) = plt.subplots(2, 1, figsize=(timeline.WIDTH_IN, top + below),
                                       layout="constrained",
                                       gridspec_kw={"height_ratios": [top, below]})
    timeline.draw(outcome, ax=upper)
    draw_ledger(outcome, ax=lower)
    upper.set_xlim(lower.get_xlim())
    return fig


def ledgers(outcomes):
    """Several runs' ledgers, one under the other. Each keeps its own time
    axis (a hung run lasts seconds, a clean one milliseconds): the titles say
    so. Returns the figure."""
    import matplotlib.pyplot as plt

    heights = [ledger_height(o) for o in outcomes]
    fig, axes = plt.subplots(len(outcomes), 1, figsize=(timeline.WIDTH_IN, sum(heights)),
                             layout="constrained", squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, o in zip(axes[:, 0], outcomes):
        draw_ledger(o, ax=ax)
        ax.set_title(f"{o.variant}: {ax.get_title()} (its own time axis)", fontsize=10)
    return fig
