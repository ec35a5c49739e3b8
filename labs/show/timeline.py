"""Timeline figures, in the parent: one row per thread, coloured by state.

The events come from ``labs.child.record`` in the child (one JSON line each);
the kinds are in ``labs.contract.events``.
"""
from __future__ import annotations

STATE_COLORS = {
    "working": "#4c72b0",
    "holding lock": "#dd8452",
    "waiting for lock": "#c44e52",
    "blocked": "#c44e52",
    "waiting": "#8c8c8c",
    "idle": "#c7c7c7",
    "stopping": "#937860",
    "killed": "#222222",
    "stopped": "#1b7f79",
    "stop asked": "#937860",
    "SIGTERM aimed here": "#7f0000",
    "SIGTERM handler": "#da8bc3",
    "killed, lock still held": "#7f0000",
    "done": "#55a868",
}
_EXTRA_COLORS = ["#8172b3", "#da8bc3", "#ccb974", "#64b5cd", "#937860"]

# Every figure of the suite fits the output column of JupyterLab's default
# layout (a 1400 px window with the file browser open): at most WIDTH_IN
# inches at 100 dpi, about 880 px, shown at full size; no text under TEXT_PT.
WIDTH_IN = 8.8
TEXT_PT = 9


def is_end(state: str) -> bool:
    """A state that ends its thread's row: "returned", "died: ValueError"."""
    return state == "returned" or state.startswith("died")


def segments(events: list[dict], end_t: float) -> dict[str, list[tuple]]:
    """thread name -> [(start, duration, state)], each state lasting until the
    thread's next state, or until ``end_t`` (the end of the run). A thread's
    end (``is_end``) is a segment of length 0: nothing is drawn after it until
    the thread's next state, if any."""
    rows: dict[str, list[list]] = {}
    for e in events:
        if e.get("kind") != "state":
            continue
        row = rows.setdefault(e["thread"], [])
        if row and not is_end(row[-1][2]):  # (a thread may call again after an end)
            row[-1][1] = e["t"]
        row.append([e["t"], e["t"] if is_end(e["state"]) else None, e["state"]])
    out = {}
    for name, row in rows.items():
        out[name] = [
            (start, (stop if stop is not None else end_t) - start, st)
            for start, stop, st in row
        ]
    return out


LINEAR_UNTIL_S = 1e-3  # the x axis is linear up to 1 ms, logarithmic after


def time_span(outcome) -> tuple[float, float]:
    """(t0, end): a figure's time origin (the first thread state, in child
    seconds) and the end of the run measured from it. Figures that sit beside
    a timeline plot ``e["t"] - t0`` and call ``time_axis(ax, end)``."""
    events = [e for e in outcome.timeline if e.get("t") is not None]
    t0 = min((e["t"] for e in events if e["kind"] == "state"), default=0.0)
    end = max([e["t"] for e in events] + [outcome.child_elapsed_s or 0.0]) - t0
    return t0, end


def time_axis(ax, end: float) -> None:
    """The shared time axis: symlog, linear over the first millisecond, where
    the interleaving happens, logarithmic after, where a hang lasts."""
    from matplotlib.ticker import FuncFormatter

    ax.set_xscale("symlog", linthresh=LINEAR_UNTIL_S, linscale=1.5)
    ax.set_xlim(0, max(end, LINEAR_UNTIL_S) * 1.05)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 1000:g} ms"))
    ax.set_xlabel("time since the first thread started (linear to 1 ms, then log)")


def thread_rows(outcome) -> int:
    """How many threads have a row in the outcome's timeline."""
    return len({e["thread"] for e in outcome.timeline if e.get("kind") == "state"})


def figure_size(outcome) -> tuple[float, float]:
    """Width and height (inches) of a timeline figure: half an inch a thread."""
    return WIDTH_IN, 0.5 * max(thread_rows(outcome), 1) + 1.5


def draw(outcome, ax=None, until: float | None = None):
    """Draw an outcome's timeline: one row per thread, coloured by state, with
    the marks (forced stop, deadline) as vertical lines. Time runs from the
    first thread state on a symlog axis: linear over the first millisecond,
    where the interleaving happens, logarithmic after, where a hang lasts
    until the deadline; ``until`` stretches the axis to that time (figures
    that stack timelines give them one scale). Returns the axes."""
    import matplotlib.pyplot as plt

    events = [e for e in outcome.timeline if e.get("t") is not None]
    t0, end_t = time_span(outcome)
    rows = segments([dict(e, t=e["t"] - t0) for e in events], end_t)
    if ax is None:
        _, ax = plt.subplots(figsize=figure_size(outcome), layout="constrained")
    time_axis(ax, max(end_t, until or 0.0))  # first: the labels below are placed on it
    colors = dict(STATE_COLORS)
    extra = iter(_EXTRA_COLORS * 4)
    names = list(rows)
    for y, name in enumerate(names):
        bars: dict[str, list] = {}  # state -> its spans on this row: one artist each
        for k, (start, length, st) in enumerate(rows[name]):
            if is_end(st):  # the bar stops here; a death or the last end is labelled
                color = "#c44e52" if st.startswith("died") else "black"
                if k == len(rows[name]) - 1 or st.startswith("died"):
                    ax.annotate(st, (start, y), xytext=(3, 0), textcoords="offset points",
                                va="center", fontsize=TEXT_PT, color=color)
                else:  # a call ended, another follows on the same thread: a tick
                    ax.plot([start], [y], marker="|", markersize=12, color=color)
                continue
            bars.setdefault(st, []).append((start, max(length, 1.5e-5)))
        # one broken_barh per state and row: a thread looping for seconds has
        # thousands of spans, and one artist each took 40 s to draw
        for st, spans in bars.items():
            if st not in colors:
                colors[st] = next(extra)
            ax.broken_barh(spans, (y - 0.35, 0.7), color=colors[st], label=st)
    for e in events:
        if e["kind"] == "mark":
            at = e["t"] - t0
            # In the right half of the axes, the label goes on the left of the
            # line, so that it never runs into the legend beside the axes.
            late = ax.transAxes.inverted().transform(ax.transData.transform((at, 0)))[0] > 0.5
            ax.axvline(at, color="black", linestyle="--", linewidth=1)
            ax.annotate(e["label"], (at, -0.5), fontsize=TEXT_PT, xytext=(-3 if late else 3, 0),
                        textcoords="offset points", va="bottom",
                        ha="right" if late else "left")
    for e in events:
        if e["kind"] == "note" and e["thread"] in names:
            ax.annotate(e["text"], (e["t"] - t0, names.index(e["thread"]) + 0.3),
                        xytext=(-15, -20), textcoords="offset points", ha="right",
                        va="top", fontsize=TEXT_PT, arrowprops={"arrowstyle": "->", "color": "black"},
                        bbox={"boxstyle": "round", "fc": "white", "ec": "none", "alpha": 0.85})
    if outcome.exit.get("timed_out"):
        ax.axvline(end_t, color="#c44e52", linewidth=2)
        ax.annotate("deadline: still running", (end_t, len(names) - 0.4), fontsize=TEXT_PT,
                    ha="right", color="#c44e52")
    elif outcome.exit.get("signal"):
        ax.axvline(end_t, color="#7f0000", linewidth=2)
        ax.annotate(f"the process is killed by {outcome.exit['signal']} ",
                    (end_t, len(names) - 0.4), fontsize=TEXT_PT, ha="right", color="#7f0000")
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(-0.8, len(names) - 0.2)
    ax.invert_yaxis()
    verdict = "hazard seen" if outcome.hazard_observed else "no hazard"
    if outcome.skipped:
        verdict = "skipped"
    ax.set_title(f"{outcome.lab} / {outcome.variant}: {verdict}", fontsize=10)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    if unique:
        ax.legend(unique.values(), unique.keys(), loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), fontsize=TEXT_PT, frameon=False)
    return ax


def save(outcome, path) -> None:
    """Write the outcome's timeline figure as a PNG."""
    from matplotlib.figure import Figure  # no pyplot: no backend, no global state

    fig = Figure(figsize=figure_size(outcome), layout="constrained")
    draw(outcome, fig.subplots())
    fig.savefig(path, dpi=100)
